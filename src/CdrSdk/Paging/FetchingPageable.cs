using System.Runtime.CompilerServices;

namespace CdrSdk.Paging;

/// <summary>
/// The SDK's paginator: fetches pages with a <see cref="PageFetcher{T}"/>, stamps failures with the token to
/// resume from, detects a provider that hands back the same token forever, and records telemetry.
/// </summary>
internal sealed class FetchingPageable<T> : AsyncPageable<T>
{
    private readonly PageFetcher<T> _fetch;
    private readonly CdrProvider _provider;

    public FetchingPageable(CdrProvider provider, PageFetcher<T> fetch, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        _provider = provider;
        _fetch = fetch;
    }

    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (pageSizeHint is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), pageSizeHint, "pageSizeHint must be at least 1 (or null for the default page size).");
        }

        return AsPagesCore(continuationToken, pageSizeHint, default);
    }

    private async IAsyncEnumerable<Page<T>> AsPagesCore(
        string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, cancellationToken);
        var token = continuationToken;
        var tag = CdrTelemetry.ProviderTag(_provider);
        while (true)
        {
            Page<T> page;
            try
            {
                page = await _fetch(token, pageSizeHint, linked.Token).ConfigureAwait(false);
            }
            catch (CdrException ex)
            {
                ex.ContinuationToken = token;
                ex.IsResumable = true;
                throw;
            }

            CdrTelemetry.Pages.Add(1, tag);
            CdrTelemetry.Records.Add(page.Values.Count, tag);
            yield return page;

            if (page.ContinuationToken is null)
            {
                yield break;
            }

            if (string.Equals(page.ContinuationToken, token, StringComparison.Ordinal))
            {
                throw new CdrTransportException(
                    $"{_provider} returned the same continuation for two pages in a row; stopping to avoid an endless loop.")
                {
                    Provider = _provider,
                    Failure = CdrTransportFailure.InvalidResponse,
                    ContinuationToken = token,
                    IsResumable = true,
                };
            }

            token = page.ContinuationToken;
        }
    }
}
