namespace CdrSdk.Paging;

/// <summary>
/// The one time-window splitter: a range cut into consecutive, non-overlapping windows of at most a given size,
/// in listing order. Used by the windowed listings (Voiso, TSG), the TSG export slices and the Kazoo query plan.
/// </summary>
internal static class TimeWindows
{
    /// <summary>Windows covering the half-open range [<paramref name="from"/>, <paramref name="to"/>) exactly; none when it is empty.</summary>
    public static List<(DateTimeOffset From, DateTimeOffset To)> Split(DateTimeOffset from, DateTimeOffset to, TimeSpan size, bool newestFirst = false)
    {
        var windows = new List<(DateTimeOffset From, DateTimeOffset To)>();
        for (var start = from; start < to; start += size)
        {
            windows.Add((start, start + size < to ? start + size : to));
        }

        if (newestFirst)
        {
            windows.Reverse();
        }

        return windows;
    }

    /// <summary>
    /// Windows covering the closed range [<paramref name="from"/>, <paramref name="to"/>] of whole units (Kazoo's
    /// gregorian seconds, both ends included), <paramref name="size"/> units each; one window when it is empty.
    /// </summary>
    public static List<(long From, long To)> SplitInclusive(long from, long to, long size, bool newestFirst)
    {
        var windows = new List<(long From, long To)>();
        for (var start = from; start <= to; start += size)
        {
            windows.Add((start, Math.Min(start + size - 1, to)));
        }

        if (windows.Count == 0)
        {
            windows.Add((from, to));
        }

        if (newestFirst)
        {
            windows.Reverse();
        }

        return windows;
    }
}
