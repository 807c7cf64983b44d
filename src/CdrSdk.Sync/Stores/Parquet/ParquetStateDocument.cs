namespace CdrSdk.Sync.Stores.Parquet;

/// <summary>A source's state in a Parquet dataset: <c>_cdr_sync/cdr_sync_state/{source}.json</c>, replaced atomically.</summary>
internal sealed class ParquetStateDocument
{
    public string Source { get; set; } = string.Empty;

    public string Provider { get; set; } = string.Empty;

    public DateTimeOffset? Watermark { get; set; }

    public DateTimeOffset? WindowStart { get; set; }

    public DateTimeOffset? WindowEnd { get; set; }

    public string? WindowToken { get; set; }

    public DateTimeOffset? LastRunStartedAt { get; set; }

    public DateTimeOffset? LastRunFinishedAt { get; set; }

    public string? LastOutcome { get; set; }

    public string? LastError { get; set; }

    public long LastInserted { get; set; }

    public long LastUpdated { get; set; }

    public long LastUnchanged { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public SourceState ToState() => new()
    {
        Source = Source,
        Provider = Provider,
        Watermark = Watermark,
        InFlight = WindowStart is { } s && WindowEnd is { } e ? new SyncWindow(s, e) : null,
        InFlightToken = WindowToken,
        LastRunStartedAt = LastRunStartedAt,
        LastRunFinishedAt = LastRunFinishedAt,
        LastOutcome = LastOutcome,
        LastError = LastError,
        LastCounts = new CdrSyncCounts(LastInserted, LastUpdated, LastUnchanged),
        LeaseOwner = LeaseOwner,
        LeaseExpiresAt = LeaseExpiresAt,
    };
}
