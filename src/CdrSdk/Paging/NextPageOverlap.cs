using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace CdrSdk.Paging;

/// <summary>
/// Prefetch of one page without a background buffer: the request for page <c>n + 1</c> is started just before
/// page <c>n</c> is handed to the caller and awaited when the caller asks for it, for as long as
/// <see cref="OverlapRule"/> finds that the caller's time on a page makes the overlap pay (from the second page
/// on: the first tells how long the caller takes). A caller that reads pages faster than they arrive gains
/// nothing from it (the fetch is the bottleneck either way) and would only pay for a fetch running beside it,
/// so for such a caller the next page is fetched on demand. A failure of a page fetched ahead surfaces,
/// unchanged, when the caller reaches it; a caller that stops cancels the fetch in flight and waits for it, so
/// no request outlives the enumeration.
/// </summary>
internal static class NextPageOverlap
{
    public static async IAsyncEnumerable<Page<T>> PagesAsync<T>(
        Func<CancellationToken, IAsyncEnumerable<Page<T>>> produce, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pages = produce(stop.Token).GetAsyncEnumerator(stop.Token);
        var pending = default(ValueTask<bool>);
        var inFlight = false;
        try
        {
            var rule = new OverlapRule();
            var more = await pages.MoveNextAsync().ConfigureAwait(false);
            while (more)
            {
                var page = pages.Current;
                var ahead = rule.ShouldOverlap;
                var started = Stopwatch.GetTimestamp();
                if (ahead)
                {
                    pending = pages.MoveNextAsync();
                    inFlight = true;
                }

                var handedOver = Stopwatch.GetTimestamp();
                yield return page;
                var resumed = Stopwatch.GetTimestamp();
                var callerTicks = resumed - handedOver;
                if (ahead)
                {
                    var arrivedDuringCall = pending.IsCompleted;
                    inFlight = false;
                    more = await pending.ConfigureAwait(false);

                    // A page that arrived while the caller worked took at most the caller's time: the overlap paid.
                    rule.Observe(callerTicks, fetchTicks: arrivedDuringCall ? 0 : Stopwatch.GetTimestamp() - started);
                }
                else
                {
                    more = await pages.MoveNextAsync().ConfigureAwait(false);
                    rule.Observe(callerTicks, fetchTicks: Stopwatch.GetTimestamp() - resumed);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            if (inFlight)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await ObserveAbandonedAsync(pending).ConfigureAwait(false);
            }

            await pages.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Waits for a fetch the caller will never reach; its outcome (cancelled or failed) is nobody's to see.</summary>
    private static async ValueTask ObserveAbandonedAsync(ValueTask<bool> fetch)
    {
        try
        {
            await fetch.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The caller stopped before this page: its failure, whatever it is, is not theirs.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
