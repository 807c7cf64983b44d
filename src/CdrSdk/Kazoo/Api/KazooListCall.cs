using CdrSdk.Core.Http;

namespace CdrSdk.Kazoo.Api;

/// <summary>One of the listing methods of <see cref="IKazooApi"/> (CDRs or interactions, account or user scope, JSON or CSV), its ids bound.</summary>
internal delegate Task<HttpResponseMessage> KazooListCall(IKazooApi api, KazooListQuery query, QueryParameters filters, CancellationToken cancellationToken);
