using CdrSdk.Core.Http;
using CdrSdk.Kazoo.Wire;
using CdrSdk.Paging;

namespace CdrSdk.Kazoo;

/// <summary>Interaction listings and legs of one Kazoo client.</summary>
internal sealed class KazooInteractions : IKazooInteractions
{
    private readonly ApiTransport _transport;
    private readonly KazooOptions _options;
    private readonly KazooCdrs _cdrs;

    public KazooInteractions(ApiTransport transport, KazooOptions options, KazooCdrs cdrs)
    {
        _transport = transport;
        _options = options;
        _cdrs = cdrs;
    }

    public AsyncPageable<KazooCdrSummary> ListAsync(string accountId, KazooCdrQuery? query = null, CancellationToken cancellationToken = default)
    {
        query = _cdrs.Prepare(accountId, query);
        return new KazooListing<KazooCdrSummary>(_transport, KazooCdrs.CollectionPath(accountId, query, "/interaction"), query, _options,
            KazooJsonContext.Wire.KazooCdrSummary, KazooJsonContext.Wire.KazooListingPageKazooCdrSummary, "kazoo-interactions", cancellationToken);
    }

    public async Task<IReadOnlyList<KazooCdr>> GetLegsAsync(string accountId, string interactionId, CancellationToken cancellationToken = default)
    {
        KazooIds.RequireAccountId(accountId, nameof(accountId));
        KazooIds.RequireInteractionId(interactionId, nameof(interactionId));
        var request = new ApiRequest(HttpMethod.Get, $"/accounts/{accountId}/cdrs/legs/{ApiRequest.Segment(interactionId)}");
        var envelope = await _transport.SendAsync(request, KazooJsonContext.Wire.KazooEnvelopeListKazooCdr, cancellationToken).ConfigureAwait(false);
        return envelope.Data ?? [];
    }
}
