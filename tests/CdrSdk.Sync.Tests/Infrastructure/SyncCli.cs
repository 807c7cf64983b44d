using CdrSdk.Tests.Tool;
using CdrSdk.Tool.Commands;
using CdrSdk.Tool.Terminal;

namespace CdrSdk.Sync.Tests.Infrastructure;

/// <summary>
/// Runs <c>cdr</c> in-process as its <c>Program</c> does (<see cref="CdrInvocation"/> on a host of the SDK tests'
/// <see cref="CliRun.Host"/>), with standard output and error captured (neither a terminal) and a given environment.
/// </summary>
public sealed class SyncCli
{
    private SyncCli(int exitCode, string output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    /// <summary>Standard output: data only (status tables and JSON).</summary>
    public string Output { get; }

    /// <summary>Standard error: progress, summaries and errors.</summary>
    public string Error { get; }

    public string All => Output + Error;

    /// <summary>The lines of standard error (without a final empty one).</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.None) is var lines && lines[^1].Length == 0 ? lines[..^1] : lines;

    public static async Task<SyncCli> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null, string? emulatorState = null,
        CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = CliRun.Host(output, error, environment, emulatorState ?? Path.Combine(Path.GetTempPath(), "cdrsdk-sync-tests-cli-emulator"));
        var code = await CdrInvocation.RunAsync(CdrCommand.Create(host), host, args, cancellationToken);
        return new SyncCli(code, output.ToString(), error.ToString());
    }

    /// <summary>Exactly one line on standard error, starting <c>cdr: error: </c>, nothing on standard output; returns the line.</summary>
    public string AssertOneErrorLine(int exitCode)
    {
        Assert.True(ExitCode == exitCode, $"expected exit {exitCode}: {this}");
        Assert.True(ErrorLines.Length == 1, $"expected one line on stderr: {this}");
        Assert.StartsWith("cdr: error: ", ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(string.Empty, Output);
        return ErrorLines[0];
    }

    public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";
}
