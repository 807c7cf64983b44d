using System.CommandLine;
using CdrSdk.Tool.Commands;
using CdrSdk.Tool.Export;
using Spectre.Console;

namespace CdrSdk.Tests.Tool;

/// <summary>Runs <c>cdr</c> in-process with a captured console and a given environment.</summary>
public sealed class CliRun
{
    private CliRun(int exitCode, string output)
    {
        ExitCode = exitCode;
        Output = output;
    }

    public int ExitCode { get; }

    /// <summary>Everything printed: the console and System.CommandLine's own output and errors.</summary>
    public string Output { get; }

    public static async Task<CliRun> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null, string? emulatorState = null,
        CancellationToken cancellationToken = default)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        var env = new ProviderEnvironment(name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);
        var root = CdrCommand.Create(console, env, emulatorState ?? Path.Combine(Path.GetTempPath(), "cdrsdk-tests-emulator"));
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer }, cancellationToken);
        return new CliRun(code, writer.ToString());
    }
}
