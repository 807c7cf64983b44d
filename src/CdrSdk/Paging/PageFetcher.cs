namespace CdrSdk.Paging;

/// <summary>Fetches the page that a continuation token points to (<see langword="null"/>: the first page).</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="continuationToken">The token of the page to fetch.</param>
/// <param name="pageSizeHint">The caller's page size hint, if any.</param>
/// <param name="cancellationToken">Cancels the fetch.</param>
/// <returns>The page, whose own token points to the page after it.</returns>
internal delegate ValueTask<Page<T>> PageFetcher<T>(string? continuationToken, int? pageSizeHint, CancellationToken cancellationToken);
