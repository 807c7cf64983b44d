namespace CdrSdk.Sync.Engine;

/// <summary>
/// Named points of a sync (a page fetched, a row bulk loaded, rows flushed into an open transaction, a commit in flight, a commit done) that the crash
/// tests stop a worker at with <c>kill -9</c>. Nothing listens outside those tests; a point costs one null check.
/// </summary>
internal static class SyncFaultPoints
{
    public const string PageFetched = "fetch";
    public const string RowLoaded = "load";

    /// <summary>Rows appended straight into the store's table were flushed into the batch's open transaction (DuckDB).</summary>
    public const string Appended = "appended";
    public const string CommitInFlight = "commit";
    public const string Committed = "committed";

    /// <summary>Called with the point's name and the source's each time a sync passes it.</summary>
    internal static Action<string, string>? Reached { get; set; }

    public static void Reach(string point, string source) => Reached?.Invoke(point, source);
}
