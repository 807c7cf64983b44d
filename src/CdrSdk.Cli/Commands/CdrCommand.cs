using System.CommandLine;
using CdrSdk.Tool.Terminal;

namespace CdrSdk.Tool.Commands;

/// <summary>The <c>cdr</c> root command: its subcommands, the global options, and the exit codes in the help.</summary>
internal static class CdrCommand
{
    public static RootCommand Create(CliHost host)
    {
        var root = new RootCommand("cdr: export call and message detail records from Telnyx, Voiso, TSG Global or Kazoo. Runs against an embedded emulator when no credentials are given.");
        foreach (var option in host.Options.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(ExportCommand.Create(host));
        root.Subcommands.Add(EmulatorCommand.Create(host));
        root.Subcommands.Add(SyncCommand.Create(host));
        ExitCodesHelp.AddTo(root);
        return root;
    }
}
