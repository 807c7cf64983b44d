namespace CdrSdk.Tool.Sync;

/// <summary>One source in <c>cdr sync status --json</c>.</summary>
internal sealed record SyncStatusDocument
{
    public required string Source { get; init; }

    public required string Provider { get; init; }

    public DateTimeOffset? Watermark { get; init; }

    public double? LagSeconds { get; init; }

    public long Rows { get; init; }

    public DateTimeOffset? LastRunStartedAt { get; init; }

    public DateTimeOffset? LastRunFinishedAt { get; init; }

    public string? LastOutcome { get; init; }

    public string? LastError { get; init; }

    public long LastInserted { get; init; }

    public long LastUpdated { get; init; }

    public long LastUnchanged { get; init; }

    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }
}
