using CdrSdk.Core.Http;
using CdrSdk.Kazoo.Api;
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
        var userId = query.UserId;
        KazooListCall call = userId is null
            ? (api, q, filters, ct) => api.ListInteractionsAsync(accountId, q, filters, ct)
            : (api, q, filters, ct) => api.ListUserInteractionsAsync(accountId, userId, q, filters, ct);
        return new KazooListing<KazooCdrSummary>(_transport, call, query, _options,
            KazooJsonContext.Wire.KazooCdrSummary, KazooJsonContext.Wire.JsonEnvelopeListKazooCdrSummary, "kazoo-interactions", cancellationToken);
    }

    public async Task<IReadOnlyList<KazooCdr>> GetLegsAsync(string accountId, string interactionId, CancellationToken cancellationToken = default)
    {
        KazooIds.RequireAccountId(accountId, nameof(accountId));
        KazooIds.RequireInteractionId(interactionId, nameof(interactionId));
        var envelope = await _transport.ReadJsonAsync(ct => _cdrs.Api().GetLegsAsync(accountId, interactionId, ct), KazooJsonContext.Wire.JsonEnvelopeListKazooCdr, cancellationToken).ConfigureAwait(false);
        return envelope.Data ?? [];
    }
}
