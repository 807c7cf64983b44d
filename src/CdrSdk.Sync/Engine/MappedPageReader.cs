using System.Threading.Channels;
using CdrSdk.Paging;
using CdrSdk.Sync.Records;

namespace CdrSdk.Sync.Engine;

/// <summary>
/// Reads a window's pages and maps them into rows on a task of its own, a page ahead of the reading flow: while the
/// store appends one page, the next is mapped (its provider JSON written, its hash taken) and the SDK fetches the one
/// after. The stages hand pages over in order; a failure of the listing or the mapping (a record without an id, a
/// stale token, a cancellation) reaches the reading flow, as the same exception, after the pages before it.
/// </summary>
internal sealed class MappedPageReader : IAsyncDisposable
{
    /// <summary>
    /// Pages in use at once: one the reading flow appends while the other is mapped (a third, mapped further ahead,
    /// was no faster and held more memory).
    /// </summary>
    private const int PageCount = 2;

    private readonly Channel<MappedPage> _mapped = Channel.CreateBounded<MappedPage>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
    private readonly Channel<MappedPage> _free = Channel.CreateBounded<MappedPage>(new BoundedChannelOptions(PageCount) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop;
    private readonly Task _mapping;
    private MappedPage? _current;

    public MappedPageReader(IAsyncEnumerable<Page<CallRecord>> pages, string source, CancellationToken cancellationToken)
    {
        for (var i = 0; i < PageCount; i++)
        {
            _free.Writer.TryWrite(new MappedPage());
        }

        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stop = _stop.Token;
        _mapping = Task.Run(() => MapAsync(pages, source, stop), CancellationToken.None);
    }

    /// <summary>
    /// The next page, or <see langword="null"/> after the last. The page returned before is given back for reuse: its
    /// rows are no longer valid.
    /// </summary>
    public async ValueTask<MappedPage?> NextAsync(CancellationToken cancellationToken)
    {
        if (_current is { } done)
        {
            _current = null;
            _free.Writer.TryWrite(done);
        }

        while (await _mapped.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_mapped.Reader.TryRead(out var page))
            {
                _current = page;
                return page;
            }
        }

        return null;
    }

    /// <summary>Stops the mapping task (and the listing under it) and waits for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _mapping.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task MapAsync(IAsyncEnumerable<Page<CallRecord>> pages, string source, CancellationToken cancellationToken)
    {
        var mapper = new SyncRowMapper();
        try
        {
            await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var mapped = await _free.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                mapped.Fill(page, mapper, source);
                await _mapped.Writer.WriteAsync(mapped, cancellationToken).ConfigureAwait(false);
            }

            _mapped.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            _mapped.Writer.TryComplete(ex);
        }
    }
}
