using System.Diagnostics;

namespace CdrSdk.Tests.Tool;

/// <summary>
/// Runs the built <c>cdr</c> tool as a process (<c>dotnet cdr.dll</c>, the one built next to the tests, so no test
/// builds it again), with standard output and error captured separately, a clean environment (no provider
/// credentials, no NO_COLOR from the machine) and a temporary folder of its own for the embedded emulator's state.
/// </summary>
public sealed class CdrProcess : IDisposable
{
    private static readonly string[] InheritedPrefixes = ["TELNYX_", "VOISO_", "TSG_", "KAZOO_"];
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private readonly System.Text.StringBuilder _outputSoFar = new();

    private CdrProcess(Process process)
    {
        _process = process;
        _output = ReadOutputAsync(process.StandardOutput);
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Waits until standard output contains <paramref name="text"/> (for a long-running command to be ready); fails if the process ends first.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            lock (_outputSoFar)
            {
                if (_outputSoFar.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return;
                }
            }

            if (_output.IsCompleted)
            {
                Assert.Fail($"the process ended without writing '{text}' to standard output: {await _output}");
            }

            await Task.WhenAny(_output, Task.Delay(20, timeout.Token));
            timeout.Token.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Reads standard output to its end, keeping what has arrived so far readable for <see cref="WaitForOutputAsync"/>.</summary>
    private async Task<string> ReadOutputAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (_outputSoFar)
            {
                _outputSoFar.Append(buffer, 0, read);
            }
        }

        lock (_outputSoFar)
        {
            return _outputSoFar.ToString();
        }
    }

    /// <summary>The tool's entry assembly, copied into the test output by the project reference.</summary>
    public static string ToolPath { get; } = Path.Combine(AppContext.BaseDirectory, "cdr.dll");

    /// <summary>The <c>dotnet</c> host running these tests (<c>DOTNET_HOST_PATH</c>), else the one on the PATH.</summary>
    public static string DotNet { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public int Id => _process.Id;

    /// <summary>Starts <c>cdr</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public static CdrProcess Start(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        StartCommand(workingDirectory, DotNet, [ToolPath, .. args], environment);

    /// <summary>Starts any command with the clean environment of <see cref="Start"/> (for a pseudo-terminal wrapper).</summary>
    public static CdrProcess StartCommand(string workingDirectory, string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.ToList())
        {
            if (InheritedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)) || name is "NO_COLOR" or "COLORTERM")
            {
                info.Environment.Remove(name);
            }
        }

        var temporary = Path.Combine(workingDirectory, "..", Path.GetFileName(workingDirectory) + ".tmp");
        Directory.CreateDirectory(temporary);
        info.Environment["TMPDIR"] = Path.GetFullPath(temporary);
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start.");
        process.StandardInput.Close();
        return new CdrProcess(process);
    }

    /// <summary>Runs <c>cdr</c> to its end.</summary>
    public static async Task<CdrResult> RunAsync(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(workingDirectory, args, environment);
        return await process.WaitAsync();
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does (through the shell's kill, present on every Unix).</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", $"kill -INT {_process.Id}" }, UseShellExecute = false })!;
        await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the end (two minutes at most, then the process is killed and the test fails).</summary>
    public async Task<CdrResult> WaitAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw;
        }

        return new CdrResult(_process.ExitCode, await _output, await _error);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}

/// <summary>How a <c>cdr</c> process ended.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Everything on standard output.</param>
/// <param name="Error">Everything on standard error.</param>
public sealed record CdrResult(int ExitCode, string Output, string Error)
{
    /// <summary>The lines of standard error (without a final empty one).</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.None) is var lines && lines[^1].Length == 0 ? lines[..^1] : lines;

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout: {Output}{Environment.NewLine}stderr: {Error}";
}
