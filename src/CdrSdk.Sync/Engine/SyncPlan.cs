using CdrSdk.Sync.Stores;

namespace CdrSdk.Sync.Engine;

/// <summary>
/// The windows one run reads for a source: [<c>watermark − lookback</c> (or the start), <c>now − settle</c> (or the
/// end)), cut at multiples of the window size since the Unix epoch (so at UTC midnight), and at the bounds of a
/// window a crashed run left in flight, so that window is resumed as it was (a Telnyx window keeps its report).
/// </summary>
internal sealed record SyncPlan(DateTimeOffset From, DateTimeOffset Until, IReadOnlyList<SyncWindow> Windows)
{
    public static SyncPlan For(CdrSyncSource source, SourceState state, DateTimeOffset now)
    {
        var provider = source.Provider;
        var lookback = source.Lookback ?? CdrSyncDefaults.Lookback(provider);
        var settle = source.Settle ?? CdrSyncDefaults.Settle(provider);
        var size = source.WindowSize ?? CdrSyncDefaults.WindowSize;

        var until = now - settle;
        if (source.End is { } end && end < until)
        {
            until = end;
        }

        DateTimeOffset from;
        if (state.Watermark is { } watermark)
        {
            from = watermark - lookback;
            if (source.Start is { } start && start > from)
            {
                from = start;
            }
        }
        else
        {
            from = source.Start ?? now - CdrSyncDefaults.InitialBackfill;
        }

        return Cut(from, until, size, state);
    }

    /// <summary>The windows of a resync: <paramref name="range"/>, ending at <c>now − settle</c> at the latest.</summary>
    public static SyncPlan ForResync(CdrSyncSource source, SourceState state, SyncWindow range, DateTimeOffset now)
    {
        var settled = now - (source.Settle ?? CdrSyncDefaults.Settle(source.Provider));
        return Cut(range.Start, range.End < settled ? range.End : settled, source.WindowSize ?? CdrSyncDefaults.WindowSize, state);
    }

    private static SyncPlan Cut(DateTimeOffset from, DateTimeOffset until, TimeSpan size, SourceState state)
    {
        from = from.ToUniversalTime();
        until = until.ToUniversalTime();
        if (from >= until)
        {
            return new SyncPlan(from, until, []);
        }

        var bounds = new SortedSet<DateTimeOffset> { from, until };
        for (var t = Floor(from, size) + size; t < until; t += size)
        {
            bounds.Add(t);
        }

        if (state.InFlight is { } flight && flight.Start >= from && flight.End <= until && flight.Start < flight.End)
        {
            bounds.Add(flight.Start);
            bounds.Add(flight.End);
        }

        var windows = new List<SyncWindow>(bounds.Count - 1);
        DateTimeOffset? previous = null;
        foreach (var bound in bounds)
        {
            if (previous is { } p)
            {
                windows.Add(new SyncWindow(p, bound));
            }

            previous = bound;
        }

        return new SyncPlan(from, until, windows);
    }

    private static DateTimeOffset Floor(DateTimeOffset value, TimeSpan size)
    {
        var ticks = (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / size.Ticks * size.Ticks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }
}
