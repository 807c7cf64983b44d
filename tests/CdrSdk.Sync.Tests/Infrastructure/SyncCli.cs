using CdrSdk.Tool.Commands;
using CdrSdk.Tool.Export;
using Spectre.Console;

namespace CdrSdk.Sync.Tests.Infrastructure;

/// <summary>Runs <c>cdr</c> in-process with a captured console (not a terminal), captured stderr and a given environment.</summary>
public sealed class SyncCli
{
    private SyncCli(int exitCode, string output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public string All => Output + Error;

    public static async Task<SyncCli> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null, string? emulatorState = null,
        CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var env = new ProviderEnvironment(name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);
        var root = CdrCommand.Create(console, env, emulatorState ?? Path.Combine(Path.GetTempPath(), "cdrsdk-sync-tests-cli-emulator"));
        var code = await root.Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return new SyncCli(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
