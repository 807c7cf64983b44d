using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Sync;

/// <summary>A configured source's filters: which apply to which provider, and the <see cref="ICdrSource"/> and default name they make.</summary>
internal static class SourceFilters
{
    /// <exception cref="CdrSyncException">A filter of another provider is set.</exception>
    public static void RejectForeign(CdrProvider provider, CdrSyncSourceOptions o, string where)
    {
        Reject(provider, CdrProvider.Voiso, o.Queues.Count > 0 || o.Types.Count > 0 || o.Cluster is not null, "Queues, Types and Cluster", where);
        Reject(provider, CdrProvider.Telnyx, o.Connections.Count > 0 || o.ApiVersion is not null, "Connections and ApiVersion", where);
        Reject(provider, CdrProvider.Tsg, o.CompanyId is not null, "CompanyId", where);
        Reject(provider, CdrProvider.Kazoo, o.AccountId is not null || o.UserId is not null, "AccountId and UserId", where);
        if (provider is CdrProvider.Kazoo or CdrProvider.Voiso && o.Type is not null)
        {
            throw SourceFactory.Fail($"{where}: Type is not used by {SourceFactory.Word(provider)}" + (provider == CdrProvider.Voiso ? " (use Types)." : "."));
        }
    }

    /// <exception cref="CdrSyncException">A filter value is invalid or a required one is missing.</exception>
    public static (ICdrSource Records, string DefaultName) Create(CdrProvider provider, CdrSyncSourceOptions o, CdrClient client, string where)
    {
        switch (provider)
        {
            case CdrProvider.Telnyx:
                var connections = o.Connections.Count > 0 ? o.Connections.ToArray() : null;
                return (o.Type?.Trim().ToLowerInvariant()) switch
                {
                    null or "" or "calls" => (client.Telnyx.AsCdrSource(r => r with { Connections = connections }), "telnyx-calls"),
                    "messages" => (client.Telnyx.AsMdrSource(r => r with { Connections = connections }), "telnyx-messages"),
                    _ => throw SourceFactory.Fail($"{where}: Type for telnyx is calls (CDR reports) or messages (MDR reports), but was '{o.Type}'."),
                };
            case CdrProvider.Voiso:
                var types = o.Types.Count > 0 ? o.Types.Select(t => new VoisoCdrType(t.Trim().ToLowerInvariant())).ToArray() : null;
                var queues = o.Queues.Count > 0 ? o.Queues.ToArray() : null;
                return (client.Voiso.AsCdrSource(q => q with { Type = types, QueueId = queues }), "voiso" + (o.Cluster is { } cluster ? "-" + cluster : string.Empty));
            case CdrProvider.Tsg:
                var type = (o.Type ?? "SMS").Trim().ToUpperInvariant();
                if (type is not ("SMS" or "MMS" or "VOICE" or "API"))
                {
                    throw SourceFactory.Fail($"{where}: Type for tsg is SMS, MMS, VOICE or API, but was '{o.Type}'.");
                }

                return (client.Tsg.AsCdrSource(new TsgCdrType(type), q => q with { CompanyId = o.CompanyId }),
                    "tsg-" + type.ToLowerInvariant() + (o.CompanyId is { } company ? "-" + company : string.Empty));
            default:
                if (string.IsNullOrWhiteSpace(o.AccountId))
                {
                    throw SourceFactory.Fail($"{where}: kazoo needs AccountId, the 32-character id of the account to sync.");
                }

                try
                {
                    return (client.Kazoo.AsCdrSource(o.AccountId, q => q with { UserId = o.UserId }), "kazoo-" + o.AccountId + (o.UserId is { } user ? "-" + user : string.Empty));
                }
                catch (ArgumentException ex)
                {
                    throw SourceFactory.Fail($"{where}: AccountId: {ex.Message}");
                }
        }
    }

    private static void Reject(CdrProvider provider, CdrProvider owner, bool given, string settings, string where)
    {
        if (given && provider != owner)
        {
            throw SourceFactory.Fail($"{where}: {settings} apply to {SourceFactory.Word(owner)} sources only, not to {SourceFactory.Word(provider)}.");
        }
    }
}
