namespace CdrSdk.Sync.Stores;

/// <summary>A source's row of <c>cdr_sync_state</c>.</summary>
internal sealed record SourceState
{
    public required string Source { get; init; }

    public required string Provider { get; init; }

    public DateTimeOffset? Watermark { get; init; }

    /// <summary>A window partly committed: resume it with <see cref="InFlightToken"/>.</summary>
    public SyncWindow? InFlight { get; init; }

    public string? InFlightToken { get; init; }

    public DateTimeOffset? LastRunStartedAt { get; init; }

    public DateTimeOffset? LastRunFinishedAt { get; init; }

    public string? LastOutcome { get; init; }

    public string? LastError { get; init; }

    public CdrSyncCounts LastCounts { get; init; }

    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }

    public CdrSyncSourceStatus ToStatus(long rows, DateTimeOffset now) => new()
    {
        Source = Source,
        Provider = Provider,
        Watermark = Watermark,
        Lag = Watermark is { } w ? now - w : null,
        Rows = rows,
        LastRunStartedAt = LastRunStartedAt,
        LastRunFinishedAt = LastRunFinishedAt,
        LastOutcome = Enum.TryParse<CdrSyncOutcome>(LastOutcome, ignoreCase: true, out var outcome) ? outcome : null,
        LastError = LastError,
        LastCounts = LastCounts,
        LeaseOwner = LeaseExpiresAt > now ? LeaseOwner : null,
        LeaseExpiresAt = LeaseExpiresAt > now ? LeaseExpiresAt : null,
        WindowInFlightStart = InFlight?.Start,
        WindowInFlightEnd = InFlight?.End,
    };
}
