using System.Runtime.CompilerServices;

namespace CdrSdk.Paging;

/// <summary>
/// Base of the SDK's paginators. Subclasses produce pages; this class validates the hint, fetches pages ahead of
/// the caller (<see cref="CdrPagingOptions.PrefetchPages"/>), stamps any failure with the token of the last page
/// delivered (so the caller can resume exactly there), and records telemetry. Subclasses check every provider
/// cursor with <see cref="TrackCursors"/>, which stops a provider that makes no progress.
/// </summary>
internal abstract class GuardedPageable<T> : AsyncPageable<T>
{
    /// <param name="provider">The provider, for errors and telemetry.</param>
    /// <param name="paging">The client's paging options (pages fetched ahead, empty pages tolerated).</param>
    /// <param name="cancellationToken">Cancels every enumeration.</param>
    /// <param name="metrics">The client's instruments; <see langword="null"/> for the process-wide ones.</param>
    protected GuardedPageable(CdrProvider provider, CdrPagingOptions paging, CancellationToken cancellationToken, CdrMetrics? metrics = null)
        : base(cancellationToken)
    {
        Provider = provider;
        Paging = paging;
        _metrics = metrics ?? CdrMetrics.Shared;
    }

    private readonly CdrMetrics _metrics;

    protected CdrPagingOptions Paging { get; }

    protected CdrProvider Provider { get; }

    public sealed override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (pageSizeHint is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), pageSizeHint, "pageSizeHint must be at least 1 (or null for the default page size).");
        }

        ValidateStart(continuationToken, pageSizeHint);
        return GuardAsync(continuationToken, pageSizeHint, default);
    }

    /// <summary>A watch over the provider cursors of one paging loop (one per loop: windows page independently).</summary>
    protected CursorProgress TrackCursors() => new(Provider, Paging.MaxEmptyPages);

    /// <summary>Checks the arguments eagerly (before enumeration), for example that the token decodes.</summary>
    protected virtual void ValidateStart(string? continuationToken, int? pageSizeHint)
    {
    }

    /// <summary>Produces the pages from <paramref name="continuationToken"/> on.</summary>
    protected abstract IAsyncEnumerable<Page<T>> ProducePagesAsync(string? continuationToken, int? pageSizeHint, CancellationToken cancellationToken);

    private async IAsyncEnumerable<Page<T>> GuardAsync(string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, cancellationToken);
        var delivered = continuationToken;
        var tag = CdrTelemetry.ProviderTag(Provider);
        var source = Paging.PrefetchPages > 0
            ? PagePrefetcher.AheadAsync(ct => ProducePagesAsync(continuationToken, pageSizeHint, ct), Paging.PrefetchPages, linked.Token)
            : ProducePagesAsync(continuationToken, pageSizeHint, linked.Token);
        var pages = source.GetAsyncEnumerator(linked.Token);
        await using (pages.ConfigureAwait(false))
        {
            while (true)
            {
                Page<T> page;
                try
                {
                    if (!await pages.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }

                    page = pages.Current;
                }
                catch (CdrException ex)
                {
                    ex.ContinuationToken = delivered;
                    ex.IsResumable = true;
                    throw;
                }

                _metrics.Pages.Add(1, tag);
                _metrics.Records.Add(page.Values.Count, tag);
                // Read before the yield, so this iterator does not keep the page alive while the next one is fetched.
                var next = page.ContinuationToken;
                yield return page;
                delivered = next;
            }
        }
    }
}
