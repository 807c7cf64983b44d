using CdrSdk.Sync;

namespace CdrSdk.Tool.Sync;

/// <summary>Shows nothing while a run goes (<c>--quiet</c>).</summary>
internal sealed class QuietSyncDisplay : ISyncDisplay
{
    public Task<CdrSyncRunResult> RunAsync(IReadOnlyList<CdrSyncSource> sources, Func<IProgress<CdrSyncProgress>, Task<CdrSyncRunResult>> run) => run(new Progress());

    private sealed class Progress : IProgress<CdrSyncProgress>
    {
        public void Report(CdrSyncProgress value)
        {
        }
    }
}
