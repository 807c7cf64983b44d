namespace CdrSdk.Sync.Stores;

/// <summary>The one schema of <c>cdr_records</c>, by column, as every store names it.</summary>
internal static class SyncColumns
{
    /// <summary>The columns a record's content fills, after the key's provider and source, in staging order.</summary>
    public static readonly string[] Content =
    [
        "id", "kind", "direction", "from_number", "to_number", "started_at", "answered_at", "ended_at", "duration_seconds", "billable_seconds",
        "outcome", "raw_outcome", "cost", "currency", "record", "content_hash",
    ];

    /// <summary>Every column of <c>cdr_records</c>.</summary>
    public static readonly string[] All = ["provider", "source", .. Content, "first_synced_at", "last_synced_at"];

    /// <summary><c>id, kind, ...</c></summary>
    public static string ContentList(string? prefix = null) => string.Join(", ", Content.Select(c => prefix + c));

    /// <summary><c>kind = excluded.kind, ...</c> for the columns an update replaces (all but the key and first_synced_at).</summary>
    public static string UpdateSet(string excluded = "excluded") =>
        string.Join(", ", Content.Where(c => c != "id").Append("last_synced_at").Select(c => $"{c} = {excluded}.{c}"));

    /// <summary>The columns of <c>cdr_sync_state</c> that <see cref="StateReader"/> reads, in its order.</summary>
    public const string State =
        "source, provider, watermark, window_start, window_end, window_token, last_run_started_at, last_run_finished_at, last_outcome, last_error, " +
        "last_inserted, last_updated, last_unchanged, lease_owner, lease_expires_at";
}
