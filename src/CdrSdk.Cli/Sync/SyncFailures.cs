using System.Globalization;
using CdrSdk.Sync;
using CdrSdk.Tool.Terminal;

namespace CdrSdk.Tool.Sync;

/// <summary>
/// What a sync's failure means to the user (<see cref="CliFailure"/>): the tool's classification of exceptions, with a
/// sync error found before anything was written (a bad store, configuration or credential reference) a usage error,
/// and a run whose sources failed summed up in one line with the exit code of the worst of them.
/// </summary>
internal static class SyncFailures
{
    private const string Continues = "What was committed stays; the next run continues from there.";

    /// <summary>A run stopped by Ctrl+C (or SIGTERM).</summary>
    public static CliFailure Interrupted { get; } = new(ExitCodes.Interrupted, "stopped after committing what was read; the next run continues from there.");

    /// <summary>Classifies an exception of a sync or of the tool.</summary>
    public static CliFailure From(Exception exception) => exception switch
    {
        CdrSyncException { BeforeAnyWrite: true } => new(ExitCodes.UsageError, exception.Message),
        CdrSyncException => new(ExitCodes.ProviderFailed, $"{ErrorReporter.Sentence(exception.Message)} {Continues}"),
        _ => CliFailure.From(exception),
    };

    /// <summary>The failure of a run, or <see langword="null"/> when every source succeeded (or was synced by another worker).</summary>
    public static CliFailure? Of(CdrSyncRunResult result, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested || result.Sources.Any(s => s.Outcome == CdrSyncOutcome.Cancelled))
        {
            return Interrupted;
        }

        var failed = result.Sources
            .Where(s => s.Outcome == CdrSyncOutcome.Failed)
            .Select(s => (Source: s.Source, Failure: s.Exception is { } ex ? From(ex) : new CliFailure(ExitCodes.ProviderFailed, s.Error ?? "failed")))
            .ToList();
        if (failed.Count == 0)
        {
            return null;
        }

        var code = failed.Any(f => f.Failure.ExitCode == ExitCodes.AccessRefused) ? ExitCodes.AccessRefused
            : failed.All(f => f.Failure.ExitCode == ExitCodes.UsageError) ? ExitCodes.UsageError
            : ExitCodes.ProviderFailed;
        var what = failed.Count == 1
            ? $"{failed[0].Source}: {Strip(failed[0].Failure.Message)}"
            : string.Create(CultureInfo.InvariantCulture, $"{failed.Count} of {result.Sources.Count} sources failed: ")
              + string.Join("; ", failed.Select(f => $"{f.Source}: {Strip(f.Failure.Message).TrimEnd('.')}"));
        var hint = code switch
        {
            ExitCodes.AccessRefused => "Fix the credentials and run again; what was committed stays.",
            ExitCodes.UsageError => "Nothing of those sources was written.",
            _ => Continues,
        };
        return new CliFailure(code, $"{ErrorReporter.Sentence(what)} {hint}");
    }

    // A source's message must not carry the hint twice.
    private static string Strip(string message) => message.EndsWith(Continues, StringComparison.Ordinal) ? message[..^Continues.Length].TrimEnd() : message;
}
