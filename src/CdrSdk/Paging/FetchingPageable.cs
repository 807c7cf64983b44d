namespace CdrSdk.Paging;

/// <summary>A paginator where one request fetches one page: the token names the page to fetch next.</summary>
internal sealed class FetchingPageable<T> : GuardedPageable<T>
{
    private readonly PageFetcher<T> _fetch;

    public FetchingPageable(CdrProvider provider, PageFetcher<T> fetch, CdrPagingOptions paging, CancellationToken cancellationToken, CdrMetrics? metrics = null)
        : base(provider, paging, cancellationToken, metrics)
    {
        _fetch = fetch;
    }

    protected override async IAsyncEnumerable<Page<T>> ProducePagesAsync(
        string? continuationToken, int? pageSizeHint, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var token = continuationToken;
        var progress = TrackCursors();
        do
        {
            var page = await _fetch(token, pageSizeHint, cancellationToken).ConfigureAwait(false);
            progress.Check(token, page.ContinuationToken, page.Values.Count);
            // Read before the yield, so this iterator does not keep the page alive while the next one is fetched.
            token = page.ContinuationToken;
            yield return page;
        }
        while (token is not null);
    }
}
