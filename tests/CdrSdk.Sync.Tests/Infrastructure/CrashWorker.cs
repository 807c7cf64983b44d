using System.Diagnostics;
using System.Text.Json;
using CdrSdk.Sync.CrashHost;

namespace CdrSdk.Sync.Tests.Infrastructure;

/// <summary>
/// Runs a sync worker (<c>CdrSdk.Sync.CrashHost</c>) as a child process. When it reports reaching its stop point it
/// is killed with SIGKILL (<see cref="Process.Kill()"/>), exactly where it stands: mid-page, mid-load, mid-commit.
/// </summary>
public static class CrashWorker
{
    private static readonly string Host = Path.Combine(AppContext.BaseDirectory, "CdrSdk.Sync.CrashHost.dll");

    /// <summary>A job against the emulator's Kazoo and Telnyx (sources still to add), stopping at <paramref name="stopAt"/>'s <paramref name="hit"/>-th pass when given.</summary>
    public static CrashJob Job(CdrSdk.Emulator.CdrEmulator emulator, string store, int batchSize, string? stopAt, int hit) => new()
    {
        Store = store,
        BatchSize = batchSize,
        StopAt = stopAt,
        StopAtHit = hit,
        KazooBaseAddress = emulator.KazooBaseAddress.ToString(),
        KazooToken = emulator.Options.KazooStaticToken,
        TelnyxBaseAddress = emulator.TelnyxV1BaseAddress.ToString(),
        TelnyxApiKey = emulator.Options.TelnyxApiKey,
        TelnyxApiUser = emulator.Options.TelnyxApiUser,
    };

    public static async Task<WorkerOutcome> RunAsync(CrashJob job, TempFolder folder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var file = folder.File($"job-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(job), cancellationToken);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Host);
        start.ArgumentList.Add(file);
        start.Environment["DOTNET_TieredPGO"] = "0";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var lines = new List<string>();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith("STOPPED AT ", StringComparison.Ordinal))
                {
                    process.Kill();
                    await process.WaitForExitAsync(cancellationToken);
                    return new WorkerOutcome(Killed: true, process.ExitCode, lines, await error);
                }
            }

            await process.WaitForExitAsync(deadline.Token);
            return new WorkerOutcome(Killed: false, process.ExitCode, lines, await error);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The worker did not finish in {timeout}: {string.Join('\n', lines)}", ex);
        }
    }
}

/// <summary>How a worker process ended.</summary>
public sealed record WorkerOutcome(bool Killed, int ExitCode, IReadOnlyList<string> Output, string Error)
{
    public override string ToString() => $"killed={Killed} exit={ExitCode}\n{string.Join('\n', Output)}\n{Error}";
}
