using CdrSdk.Sync.Stores;
using CdrSdk.Sync.Telemetry;

namespace CdrSdk.Sync.Engine;

/// <summary>The running totals of one source's run, and its progress reports.</summary>
internal sealed class SourceRun
{
    private readonly IProgress<CdrSyncProgress>? _progress;

    public SourceRun(CdrSyncSource source, IProgress<CdrSyncProgress>? progress, SourceRetries.Counter retries)
    {
        Source = source;
        _progress = progress;
        Retries = retries;
    }

    public CdrSyncSource Source { get; }

    /// <summary>The range of a resync (<see cref="CdrSyncEngine.ResyncAsync"/>): read again, the watermark left where it is.</summary>
    public SyncWindow? Resync { get; init; }

    public SourceRetries.Counter Retries { get; }

    public CdrSyncCounts Counts { get; set; }

    public int WindowsDone { get; set; }

    public int WindowsPlanned { get; set; }

    public long RecordsRead { get; set; }

    public DateTimeOffset? Watermark { get; set; }

    public SyncWindow? Window { get; set; }

    public void Report(CdrSyncPhase phase, string? error = null) => _progress?.Report(new CdrSyncProgress
    {
        Source = Source.Name,
        Provider = Source.Provider,
        Phase = phase,
        WindowStart = Window?.Start,
        WindowEnd = Window?.End,
        WindowsDone = WindowsDone,
        WindowsPlanned = WindowsPlanned,
        RecordsRead = RecordsRead,
        Counts = Counts,
        Retries = Retries.Value,
        Error = error,
    });
}
