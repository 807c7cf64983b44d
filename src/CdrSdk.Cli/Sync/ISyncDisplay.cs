using CdrSdk.Sync;

namespace CdrSdk.Tool.Sync;

/// <summary>Shows a run's progress while it goes: a live table on a terminal, plain lines when redirected, nothing with --quiet.</summary>
internal interface ISyncDisplay
{
    Task<CdrSyncRunResult> RunAsync(IReadOnlyList<CdrSyncSource> sources, Func<IProgress<CdrSyncProgress>, Task<CdrSyncRunResult>> run);
}
