namespace CdrSdk;

/// <summary>How paginators fetch pages, for every provider.</summary>
public sealed class CdrPagingOptions
{
    /// <summary>
    /// How many pages a paginator fetches ahead of the caller. With 1 (the default) the next page is requested
    /// while the caller works on the current one, as long as the caller's time on a page is at least an eighth
    /// of the time a page takes to arrive (so the overlap pays), from the second page on; a caller that reads
    /// pages faster than they arrive gets them on demand, with nothing running beside it. With 2 to 8, that many pages are always kept
    /// fetched ahead in a background buffer (for a caller whose time per page varies widely). Order and
    /// exactness are unchanged; a failure of a page fetched ahead surfaces when the caller reaches it; stopping
    /// the enumeration cancels the fetch. 0 (fetch on demand) to 8; default 1.
    /// </summary>
    public int PrefetchPages { get; set; } = 1;

    /// <summary>
    /// For listings of a time range (Kazoo CDRs and interactions, Voiso, TSG): how many parts of the range are
    /// fetched at once. With more than 1 the range is cut into 32 windows per worker; each window is paged by the
    /// provider while up to this many others are, fetching up to 8 pages ahead, and records still come in the
    /// provider's order, each once. Memory is bounded by about <c>MaxConcurrency x 8</c> pages. Continuation
    /// tokens remember the windows, so a listing resumes the same way whatever this setting is then. 1 (default,
    /// one request at a time) to 16.
    /// </summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>
    /// How many empty pages in a row a provider may return while still saying more records follow, before the
    /// listing stops with a <see cref="CdrTransportException"/> (a cursor that never ends would otherwise page
    /// forever). Kazoo applies <c>filter_*</c> after reading a page, so a very selective Kazoo filter can
    /// legitimately skip many pages: raise it then. 1 to 100,000; default 100.
    /// </summary>
    public int MaxEmptyPages { get; set; } = 100;

    /// <summary>
    /// How many windows a concurrent listing cuts its range into per worker. Pages are handed out in order, so a
    /// window waiting behind another can only fetch as far as its buffer: windows must be short next to the
    /// buffer for the workers to overlap (measured: 4 per worker gave 1.6x with 4 workers, 32 per worker 3.1x).
    /// </summary>
    internal const int WindowsPerWorker = 32;

    /// <summary>Pages each concurrent window may fetch ahead.</summary>
    internal const int WindowBufferPages = 8;

    internal void Validate(string prefix, List<CdrValidationError> errors)
    {
        OptionRules.InRange(errors, prefix + nameof(PrefetchPages), PrefetchPages, 0, 8);
        OptionRules.InRange(errors, prefix + nameof(MaxConcurrency), MaxConcurrency, 1, 16);
        OptionRules.InRange(errors, prefix + nameof(MaxEmptyPages), MaxEmptyPages, 1, 100_000);
    }

    /// <summary>
    /// The window length for a range of <paramref name="span"/> listed with <paramref name="maxConcurrency"/>
    /// workers: the span cut into <see cref="WindowsPerWorker"/> windows per worker, at least a minute, at most
    /// <paramref name="maxWindow"/>; <see langword="null"/> when the listing is not concurrent.
    /// </summary>
    internal static TimeSpan? ConcurrentWindow(TimeSpan span, int maxConcurrency, TimeSpan maxWindow)
    {
        if (maxConcurrency <= 1 || span <= TimeSpan.Zero)
        {
            return null;
        }

        var window = TimeSpan.FromSeconds(Math.Ceiling(span.TotalSeconds / (maxConcurrency * WindowsPerWorker)));
        return window < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : window > maxWindow ? maxWindow : window;
    }
}
