using System.CommandLine;
using CdrSdk.Tool.Export;
using Spectre.Console;

namespace CdrSdk.Tool.Commands;

/// <summary>The <c>cdr</c> root command.</summary>
internal static class CdrCommand
{
    public static RootCommand Create(IAnsiConsole console, ProviderEnvironment environment, string emulatorState)
    {
        var root = new RootCommand("cdr: export call and message detail records from Telnyx, Voiso, TSG Global or Kazoo. Runs against an embedded emulator when no credentials are given.");
        root.Subcommands.Add(ExportCommand.Create(() => new ExportApplication(console, environment, emulatorState, TimeProvider.System), environment));
        root.Subcommands.Add(EmulatorCommand.Create(console));
        root.Subcommands.Add(SyncCommand.Create(() => new Sync.SyncApplication(console, environment, emulatorState, TimeProvider.System), environment));
        return root;
    }
}
