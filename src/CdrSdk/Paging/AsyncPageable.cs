namespace CdrSdk.Paging;

/// <summary>
/// A sequence of records fetched page by page, on demand. Enumerate it with <c>await foreach</c> to get every
/// record, or call <see cref="AsPages(string?, int?)"/> to work page by page and save continuation tokens.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>
/// Nothing is fetched until enumeration starts; each enumeration starts again from the beginning (or from the
/// token given). When fetching a page fails, the <see cref="CdrException"/> carries in
/// <see cref="CdrException.ContinuationToken"/> the token of the last page delivered, so the sequence can be
/// resumed exactly there.
/// </remarks>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>Creates a pageable with no cancellation token of its own.</summary>
    protected AsyncPageable()
    {
    }

    /// <summary>Creates a pageable bound to the cancellation token of the call that created it.</summary>
    /// <param name="cancellationToken">Cancels every enumeration of this pageable.</param>
    protected AsyncPageable(CancellationToken cancellationToken)
    {
        CancellationToken = cancellationToken;
    }

    /// <summary>The token given to the call that created this pageable; combined with the enumerator's token.</summary>
    protected CancellationToken CancellationToken { get; }

    /// <summary>Enumerates the sequence page by page.</summary>
    /// <param name="continuationToken">
    /// A token from <see cref="Page{T}.ContinuationToken"/> (or <see cref="CdrException.ContinuationToken"/>) to
    /// resume after that page; <see langword="null"/> starts at the beginning.
    /// </param>
    /// <param name="pageSizeHint">
    /// The number of records per page to ask for; <see langword="null"/> uses the query's or the provider's
    /// default. Providers may return fewer. When resuming, the token's page size wins where the provider's paging
    /// depends on it.
    /// </param>
    /// <returns>The pages, fetched one at a time as the enumeration advances.</returns>
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <summary>Enumerates every record of every page.</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The enumerator.</returns>
    public virtual IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new RecordEnumerator<T>(AsPages().GetAsyncEnumerator(cancellationToken));

    /// <summary>Creates a pageable over pages already in memory (for tests and mocks of the SDK interfaces).</summary>
    /// <param name="pages">The pages; their continuation tokens are ignored except for resuming by index.</param>
    /// <returns>A pageable that yields the given pages.</returns>
    public static AsyncPageable<T> FromPages(IEnumerable<Page<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new StaticPageable<T>(pages.ToArray());
    }
}
