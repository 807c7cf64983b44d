using System.Runtime.CompilerServices;

namespace CdrSdk.Paging;

/// <summary>
/// Runs a page producer ahead of its consumer (<see cref="CdrPagingOptions.PrefetchPages"/>). A failure surfaces,
/// unchanged, when the consumer reaches that page; a consumer that stops cancels the fetch in flight and waits
/// for it.
/// </summary>
internal static class PagePrefetcher
{
    /// <summary>
    /// Depth 1: the next page is fetched while the caller works on the current one, when the caller's time on a
    /// page makes that pay (<see cref="NextPageOverlap"/>). Depth 2 or more: a background buffer of up to
    /// <paramref name="depth"/> pages, always kept full, for callers whose time per page varies widely.
    /// </summary>
    public static IAsyncEnumerable<Page<T>> AheadAsync<T>(
        Func<CancellationToken, IAsyncEnumerable<Page<T>>> produce, int depth, CancellationToken cancellationToken) =>
        depth == 1 ? NextPageOverlap.PagesAsync(produce, cancellationToken) : BufferedAsync(produce, depth, cancellationToken);

    private static async IAsyncEnumerable<Page<T>> BufferedAsync<T>(
        Func<CancellationToken, IAsyncEnumerable<Page<T>>> produce, int depth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pump = new PagePump<T>(produce, depth, cancellationToken);
        await using (pump.ConfigureAwait(false))
        {
            while (await pump.Pages.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (pump.Pages.TryRead(out var page))
                {
                    yield return page;
                }
            }

            pump.ThrowIfFailed();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// The pages of windows <paramref name="first"/> to <paramref name="count"/> - 1, in window order: up to
    /// <paramref name="maxConcurrency"/> windows fetched at once (<see cref="WindowsInOrderAsync{T}"/>) when more
    /// than one is left, otherwise one window after the other.
    /// </summary>
    public static IAsyncEnumerable<Page<T>> WindowsAsync<T>(
        int first, int count, Func<int, CancellationToken, IAsyncEnumerable<Page<T>>> window, int maxConcurrency, CancellationToken cancellationToken) =>
        maxConcurrency > 1 && count - first > 1
            ? WindowsInOrderAsync(count - first, (i, ct) => window(first + i, ct), maxConcurrency, CdrPagingOptions.WindowBufferPages, cancellationToken)
            : SequentialAsync(first, count, window, cancellationToken);

    private static async IAsyncEnumerable<Page<T>> SequentialAsync<T>(
        int first, int count, Func<int, CancellationToken, IAsyncEnumerable<Page<T>>> window, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var w = first; w < count; w++)
        {
            await foreach (var page in window(w, cancellationToken).ConfigureAwait(false))
            {
                yield return page;
            }
        }
    }

    /// <summary>
    /// Runs up to <paramref name="maxConcurrency"/> of the <paramref name="count"/> windows at once, each up to
    /// <paramref name="depth"/> pages ahead, and yields their pages in window order: window <c>i + 1</c> is read
    /// only after window <c>i</c> ended, and the next window starts as soon as one ends. Memory stays bounded (a
    /// window whose buffer is full waits), order and exactness are those of reading the windows one by one, and a
    /// window's failure surfaces when the consumer reaches it.
    /// </summary>
    public static async IAsyncEnumerable<Page<T>> WindowsInOrderAsync<T>(
        int count, Func<int, CancellationToken, IAsyncEnumerable<Page<T>>> window, int maxConcurrency, int depth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var running = new Queue<PagePump<T>>();
        var next = 0;
        try
        {
            while (next < count || running.Count > 0)
            {
                while (running.Count < maxConcurrency && next < count)
                {
                    var index = next++;
                    running.Enqueue(new PagePump<T>(ct => window(index, ct), depth, cancellationToken));
                }

                var current = running.Peek();
                while (await current.Pages.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (current.Pages.TryRead(out var page))
                    {
                        yield return page;
                    }
                }

                current.ThrowIfFailed();
                cancellationToken.ThrowIfCancellationRequested();
                await running.Dequeue().DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var pump in running)
            {
                await pump.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
