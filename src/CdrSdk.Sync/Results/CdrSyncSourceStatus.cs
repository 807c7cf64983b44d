namespace CdrSdk.Sync;

/// <summary>One source as its store knows it (<c>cdr sync status</c>): watermark, rows, last run, lease.</summary>
public sealed record CdrSyncSourceStatus
{
    /// <summary>The source's name.</summary>
    public required string Source { get; init; }

    /// <summary>The provider, as stored (<c>telnyx</c>, <c>voiso</c>, <c>tsg</c>, <c>kazoo</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>The end of the last fully synced window; <see langword="null"/> before the first one.</summary>
    public DateTimeOffset? Watermark { get; init; }

    /// <summary>How far the watermark is behind the time the status was read.</summary>
    public TimeSpan? Lag { get; init; }

    /// <summary>The source's records in the store.</summary>
    public long Rows { get; init; }

    /// <summary>When the last run of the source started.</summary>
    public DateTimeOffset? LastRunStartedAt { get; init; }

    /// <summary>When the last run of the source ended; <see langword="null"/> while it runs (or when its worker died).</summary>
    public DateTimeOffset? LastRunFinishedAt { get; init; }

    /// <summary>How the last run ended; <see cref="CdrSyncOutcome.Running"/> while it runs or after its worker died.</summary>
    public CdrSyncOutcome? LastOutcome { get; init; }

    /// <summary>The last run's failure (no secrets).</summary>
    public string? LastError { get; init; }

    /// <summary>What the last run did.</summary>
    public CdrSyncCounts LastCounts { get; init; }

    /// <summary>The worker holding the source's lease, if any and not expired.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When that lease expires unless renewed.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>The start of a window that is partly committed (resumed by the next run), if any.</summary>
    public DateTimeOffset? WindowInFlightStart { get; init; }

    /// <summary>The end of that window.</summary>
    public DateTimeOffset? WindowInFlightEnd { get; init; }
}
