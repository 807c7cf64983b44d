#if NET9_0_OR_GREATER
using LockObject = System.Threading.Lock;
#else
using LockObject = object;
#endif

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

    private static readonly LockObject Gate = new();
    private static Action<string, string>? s_reached;

    /// <summary>
    /// Calls <paramref name="handler"/> with the point's name and the source's each time a sync passes it, until
    /// <see cref="StopListening"/>; tests running at once add and remove their handlers without losing each other's.
    /// </summary>
    internal static void Listen(Action<string, string> handler)
    {
        lock (Gate)
        {
            s_reached += handler;
        }
    }

    /// <summary>Stops calling a handler given to <see cref="Listen"/>.</summary>
    internal static void StopListening(Action<string, string> handler)
    {
        lock (Gate)
        {
            s_reached -= handler;
        }
    }

    public static void Reach(string point, string source) => s_reached?.Invoke(point, source);
}
