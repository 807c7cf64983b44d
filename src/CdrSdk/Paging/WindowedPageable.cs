using System.Runtime.CompilerServices;

namespace CdrSdk.Paging;

/// <summary>
/// A listing of a time range that can be cut into windows fetched concurrently (<see cref="CdrPagingOptions.MaxConcurrency"/>).
/// Unwindowed (concurrency 1, a range without both ends, or a token of the plain listing) it is exactly the plain
/// listing, with its own tokens. Windowed, pages come in window order (newest window first for providers that
/// list newest first), each window paged by the provider's own tokens, and each page's token names the window
/// layout, the window and the inner token, so a listing resumes the same way whatever the concurrency then.
/// </summary>
internal sealed class WindowedPageable<T> : GuardedPageable<T>
{
    private readonly string _kind;
    private readonly (DateTimeOffset From, DateTimeOffset To)? _range;
    private readonly bool _newestFirst;
    private readonly int _maxConcurrency;
    private readonly TimeSpan _maxWindow;
    private readonly Func<(DateTimeOffset From, DateTimeOffset To)?, string?, int?, CancellationToken, ValueTask<Page<T>>> _fetch;
    private readonly Action<string> _validatePlainToken;

    /// <param name="provider">The provider.</param>
    /// <param name="kind">The token kind of the windowed listing (the plain listing has its own).</param>
    /// <param name="range">The range [From, To) when the query has both ends; <see langword="null"/> never windows.</param>
    /// <param name="newestFirst">Whether the provider lists newest first (windows then go from the end of the range).</param>
    /// <param name="paging">The client's paging settings.</param>
    /// <param name="maxWindow">The longest window the provider accepts.</param>
    /// <param name="fetch">Fetches a page: the window (<see langword="null"/> for the whole query), the provider token, the page size hint.</param>
    /// <param name="validatePlainToken">Checks a token of the plain listing eagerly (throws <see cref="ArgumentException"/>).</param>
    /// <param name="cancellationToken">Cancels every enumeration.</param>
    /// <param name="metrics">The client's instruments; <see langword="null"/> for the process-wide ones.</param>
    public WindowedPageable(
        CdrProvider provider,
        string kind,
        (DateTimeOffset From, DateTimeOffset To)? range,
        bool newestFirst,
        CdrPagingOptions paging,
        TimeSpan maxWindow,
        Func<(DateTimeOffset From, DateTimeOffset To)?, string?, int?, CancellationToken, ValueTask<Page<T>>> fetch,
        Action<string> validatePlainToken,
        CancellationToken cancellationToken,
        CdrMetrics? metrics = null)
        : base(provider, paging, cancellationToken, metrics)
    {
        _kind = kind;
        _range = range;
        _newestFirst = newestFirst;
        _maxConcurrency = paging.MaxConcurrency;
        _maxWindow = maxWindow;
        _fetch = fetch;
        _validatePlainToken = validatePlainToken;
    }

    protected override void ValidateStart(string? continuationToken, int? pageSizeHint)
    {
        if (continuationToken is null)
        {
            return;
        }

        if (IsWindowed(continuationToken))
        {
            var position = Decode(continuationToken);
            if (_range is null || position.WindowSeconds <= 0 || position.Window < 0 || position.Window >= Windows(position.WindowSeconds).Count)
            {
                throw new ArgumentException("continuationToken names a window this query does not have: resume with the query it was issued for.", nameof(continuationToken));
            }
        }
        else
        {
            _validatePlainToken(continuationToken);
        }
    }

    protected override IAsyncEnumerable<Page<T>> ProducePagesAsync(string? continuationToken, int? pageSizeHint, CancellationToken cancellationToken)
    {
        WindowPosition? position = null;
        if (continuationToken is not null && IsWindowed(continuationToken))
        {
            position = Decode(continuationToken);
        }
        else if (continuationToken is null && _range is { } range
            && CdrPagingOptions.ConcurrentWindow(range.To - range.From, _maxConcurrency, _maxWindow) is { } window)
        {
            position = new WindowPosition { WindowSeconds = (long)Math.Ceiling(window.TotalSeconds) };
        }

        if (position is null)
        {
            return PlainAsync(continuationToken, pageSizeHint, cancellationToken);
        }

        var windows = Windows(position.WindowSeconds);
        var start = position;
        IAsyncEnumerable<Page<T>> WindowPages(int w, CancellationToken ct) =>
            WindowAsync(windows, w, start.WindowSeconds, w == start.Window ? start.Inner : null, pageSizeHint, ct);
        return PagePrefetcher.WindowsAsync(start.Window, windows.Count, WindowPages, _maxConcurrency, cancellationToken);
    }

    private async IAsyncEnumerable<Page<T>> PlainAsync(string? token, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var progress = TrackCursors();
        do
        {
            var page = await _fetch(null, token, pageSizeHint, cancellationToken).ConfigureAwait(false);
            progress.Check(token, page.ContinuationToken, page.Values.Count);
            // Read before the yield, so this iterator does not keep the page alive while the next one is fetched.
            token = page.ContinuationToken;
            yield return page;
        }
        while (token is not null);
    }

    private async IAsyncEnumerable<Page<T>> WindowAsync(
        List<(DateTimeOffset From, DateTimeOffset To)> windows, int w, long windowSeconds, string? inner, int? pageSizeHint,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = w == windows.Count - 1;
        var progress = TrackCursors();
        do
        {
            var page = await _fetch(windows[w], inner, pageSizeHint, cancellationToken).ConfigureAwait(false);
            progress.Check(inner, page.ContinuationToken, page.Values.Count);
            inner = page.ContinuationToken;
            var token = inner is not null ? Encode(windowSeconds, w, inner) : last ? null : Encode(windowSeconds, w + 1, null);

            // An empty page is only worth yielding when it ends the whole listing.
            if (page.Values.Count > 0 || token is null)
            {
                yield return Page<T>.FromValues(page.Values, token);
            }
        }
        while (inner is not null);
    }

    /// <summary>The windows of the range in listing order: consecutive, non-overlapping, covering [From, To) exactly.</summary>
    private List<(DateTimeOffset From, DateTimeOffset To)> Windows(long windowSeconds) =>
        TimeWindows.Split(_range!.Value.From, _range.Value.To, TimeSpan.FromSeconds(windowSeconds), _newestFirst);

    private bool IsWindowed(string token) => token.StartsWith(_kind + ".", StringComparison.Ordinal);

    private string Encode(long windowSeconds, int window, string? inner) =>
        ContinuationTokenCodec.Encode(_kind, new WindowPosition { WindowSeconds = windowSeconds, Window = window, Inner = inner }, PagingJsonContext.Default.WindowPosition);

    private WindowPosition Decode(string token) => ContinuationTokenCodec.Decode(token, _kind, PagingJsonContext.Default.WindowPosition);
}
