using System.Runtime.CompilerServices;

namespace CdrSdk.Paging;

/// <summary>
/// A pageable whose records are another pageable's, converted one by one. Pages, continuation tokens and the
/// token stamped on failures are the source's, so resuming works exactly as on the source.
/// </summary>
internal sealed class MappedPageable<TSource, TResult> : AsyncPageable<TResult>
{
    private readonly AsyncPageable<TSource> _source;
    private readonly Func<TSource, TResult> _map;

    public MappedPageable(AsyncPageable<TSource> source, Func<TSource, TResult> map, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        _source = source;
        _map = map;
    }

    public override IAsyncEnumerable<Page<TResult>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
        MapAsync(_source.AsPages(continuationToken, pageSizeHint), CancellationToken);

    private async IAsyncEnumerable<Page<TResult>> MapAsync(IAsyncEnumerable<Page<TSource>> pages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var values = new TResult[page.Values.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = _map(page.Values[i]);
            }

            yield return Page<TResult>.FromValues(values, page.ContinuationToken);
        }
    }
}
