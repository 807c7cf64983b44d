using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace CdrSdk.Paging;

/// <summary>
/// Runs one page producer in the background into a bounded buffer: the next page is fetched only when there is
/// room for it, so at most <c>depth</c> pages wait. A failure is kept and rethrown, unchanged, by
/// <see cref="ThrowIfFailed"/> once the buffered pages have been read; <see cref="StopAsync"/> cancels the
/// producer and waits for it, so no request outlives the pump.
/// </summary>
internal sealed class PagePump<T> : IAsyncDisposable
{
    private readonly Channel<Page<T>> _channel;
    private readonly CancellationTokenSource _stop;
    private readonly Task _task;
    private ExceptionDispatchInfo? _failure;

    public PagePump(Func<CancellationToken, IAsyncEnumerable<Page<T>>> produce, int depth, CancellationToken cancellationToken)
    {
        _channel = Channel.CreateBounded<Page<T>>(new BoundedChannelOptions(depth)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _task = Task.Run(() => RunAsync(produce), CancellationToken.None);
    }

    /// <summary>The pages, in order; completes when the producer ends (successfully or not).</summary>
    public ChannelReader<Page<T>> Pages => _channel.Reader;

    /// <summary>Rethrows the producer's failure, if it failed.</summary>
    public void ThrowIfFailed() => _failure?.Throw();

    public async ValueTask StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(Func<CancellationToken, IAsyncEnumerable<Page<T>>> produce)
    {
        try
        {
            var pages = produce(_stop.Token).GetAsyncEnumerator(_stop.Token);
            await using (pages.ConfigureAwait(false))
            {
                // Wait for room before fetching, so no more than `depth` pages are ever fetched ahead.
                while (await _channel.Writer.WaitToWriteAsync(_stop.Token).ConfigureAwait(false)
                    && await pages.MoveNextAsync().ConfigureAwait(false))
                {
                    await _channel.Writer.WriteAsync(pages.Current, _stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped by the reader or cancelled: the reader reports that itself.
        }
        catch (Exception ex)
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            _channel.Writer.TryComplete();
        }
    }
}
