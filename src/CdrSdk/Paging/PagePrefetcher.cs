using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace CdrSdk.Paging;

/// <summary>
/// Runs a page producer up to <c>depth</c> pages ahead of its consumer: a pump fetches the next page only when
/// there is room for it, so with depth 1 the next page is fetched while the caller works on the current one and
/// never more. A failure of the pump surfaces, unchanged, when the consumer reaches that page; a consumer that
/// stops cancels the pump and waits for it, so no request outlives the enumeration.
/// </summary>
internal static class PagePrefetcher
{
    public static async IAsyncEnumerable<Page<T>> AheadAsync<T>(
        Func<CancellationToken, IAsyncEnumerable<Page<T>>> produce, int depth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<Page<T>>(new BoundedChannelOptions(depth)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ExceptionDispatchInfo? failure = null;
        var pump = Task.Run(
            async () =>
            {
                try
                {
                    var pages = produce(stop.Token).GetAsyncEnumerator(stop.Token);
                    await using (pages.ConfigureAwait(false))
                    {
                        // Wait for room before fetching, so no more than `depth` pages are ever fetched ahead.
                        while (await channel.Writer.WaitToWriteAsync(stop.Token).ConfigureAwait(false)
                            && await pages.MoveNextAsync().ConfigureAwait(false))
                        {
                            await channel.Writer.WriteAsync(pages.Current, stop.Token).ConfigureAwait(false);
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The consumer stopped or was cancelled: it reports that itself.
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
                finally
                {
                    channel.Writer.TryComplete();
                }
            },
            CancellationToken.None);

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var page))
                {
                    yield return page;
                }
            }

            failure?.Throw();
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
        }
    }
}
