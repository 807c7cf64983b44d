namespace CdrSdk.Sync.Stores;

/// <summary>The end of one run of a source, for <c>cdr_sync_state</c> (what <c>cdr sync status</c> shows).</summary>
internal sealed record RunRecord(CdrSyncOutcome Outcome, CdrSyncCounts Counts, string? Error, DateTimeOffset FinishedAt);
