namespace CdrSdk.Sync;

/// <summary>A snapshot of one source's sync, reported after each page, commit and window.</summary>
public sealed record CdrSyncProgress
{
    /// <summary>The source's name.</summary>
    public required string Source { get; init; }

    /// <summary>The source's provider.</summary>
    public required CdrProvider Provider { get; init; }

    /// <summary>What the source is doing.</summary>
    public required CdrSyncPhase Phase { get; init; }

    /// <summary>The start of the window being read (inclusive), when reading.</summary>
    public DateTimeOffset? WindowStart { get; init; }

    /// <summary>The end of the window being read (exclusive), when reading.</summary>
    public DateTimeOffset? WindowEnd { get; init; }

    /// <summary>Windows committed so far in this run.</summary>
    public int WindowsDone { get; init; }

    /// <summary>Windows this run plans for the source.</summary>
    public int WindowsPlanned { get; init; }

    /// <summary>Records read from the provider so far in this run.</summary>
    public long RecordsRead { get; init; }

    /// <summary>What the commits of this run did so far.</summary>
    public CdrSyncCounts Counts { get; init; }

    /// <summary>Retries the SDK made for this source so far in this run.</summary>
    public long Retries { get; init; }

    /// <summary>The failure, when <see cref="Phase"/> is <see cref="CdrSyncPhase.Failed"/> (no secrets).</summary>
    public string? Error { get; init; }
}
