namespace CdrSdk.Sync;

/// <summary>How one source's sync went in one run.</summary>
public sealed record CdrSyncSourceResult
{
    /// <summary>The source's name.</summary>
    public required string Source { get; init; }

    /// <summary>The source's provider.</summary>
    public required CdrProvider Provider { get; init; }

    /// <summary>How it ended.</summary>
    public required CdrSyncOutcome Outcome { get; init; }

    /// <summary>What the commits did: inserted, updated, unchanged records.</summary>
    public CdrSyncCounts Counts { get; init; }

    /// <summary>Windows committed.</summary>
    public int Windows { get; init; }

    /// <summary>Records read from the provider (a record read again after a restarted window counts again).</summary>
    public long RecordsRead { get; init; }

    /// <summary>Retries the SDK made (transient HTTP failures, rate limits) for this source.</summary>
    public long Retries { get; init; }

    /// <summary>How long the source took, waiting for a slot excluded.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The source's watermark after the run: the end of its last fully synced window.</summary>
    public DateTimeOffset? Watermark { get; init; }

    /// <summary>The failure, for <see cref="CdrSyncOutcome.Failed"/>: its type and message (no secrets).</summary>
    public string? Error { get; init; }

    /// <summary>The worker that synced the source, when it was another one (<see cref="CdrSyncOutcome.Skipped"/>).</summary>
    public string? SyncedBy { get; init; }

    /// <summary>The failure itself, for <see cref="CdrSyncOutcome.Failed"/>.</summary>
    public Exception? Exception { get; init; }
}
