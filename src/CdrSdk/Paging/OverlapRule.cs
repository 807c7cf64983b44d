namespace CdrSdk.Paging;

/// <summary>
/// Decides, page by page, whether fetching the next page while the caller works on the current one pays. The
/// overlap saves at most the shorter of the caller's time on a page and the page's fetch, and costs a fetch
/// running beside the caller (on a small machine, CPU taken from the caller or from a local server). So the next
/// page is fetched ahead while the next page took at most <see cref="FetchToCallerRatio"/> times the caller's
/// time on the page before it to arrive, and on demand otherwise. Nothing is known before the first page, so the
/// second is fetched on demand (a caller that reads one page costs one request); one slow page (a pause of the
/// caller's thread) switches the overlap on for one page only.
/// </summary>
internal struct OverlapRule
{
    /// <summary>How many times the caller's time on a page a fetch may take for the overlap to pay.</summary>
    public const int FetchToCallerRatio = 8;

    /// <summary>Whether the next page should be requested before the current one is handed to the caller.</summary>
    public bool ShouldOverlap { readonly get; private set; }

    /// <summary>Records one page: the caller's time on it and how long the next page took to arrive.</summary>
    /// <param name="callerTicks">The time between handing the page over and the caller asking for the next one.</param>
    /// <param name="fetchTicks">The time from the next page's request to its arrival; 0 when it arrived during the caller's work.</param>
    public void Observe(long callerTicks, long fetchTicks) =>
        ShouldOverlap = callerTicks * FetchToCallerRatio >= fetchTicks;
}
