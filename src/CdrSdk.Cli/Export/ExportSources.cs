using CdrSdk.Telnyx;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Tool.Export;

/// <summary>Turns the provider and the <c>cdr export</c> filters into the SDK's <see cref="ICdrSource"/>.</summary>
internal static class ExportSources
{
    /// <exception cref="ExportException">A filter does not apply to the provider, or a required one is missing.</exception>
    public static ICdrSource Create(ExportSettings settings, ExportConnection connection)
    {
        var filters = settings.Filters;
        var client = connection.Client;
        RejectForeign(settings.Provider, filters);
        switch (settings.Provider)
        {
            case CdrProvider.Telnyx:
                var connections = filters.Connections.Count > 0 ? filters.Connections : null;
                return TelnyxKind(filters.Types) == "messages"
                    ? client.Telnyx.AsMdrSource(r => r with { Connections = connections })
                    : client.Telnyx.AsCdrSource(r => r with { Connections = connections });
            case CdrProvider.Voiso:
                var types = filters.Types.Count > 0 ? filters.Types.Select(t => new VoisoCdrType(t.Trim().ToLowerInvariant())).ToArray() : null;
                var queues = filters.Queues.Count > 0 ? filters.Queues : null;
                return client.Voiso.AsCdrSource(q => q with { Type = types, QueueId = queues });
            case CdrProvider.Tsg:
                if (filters.Types.Count > 1)
                {
                    throw new ExportException($"--type: TSG exports one record type at a time (SMS, MMS, VOICE or API), but {filters.Types.Count} were given.");
                }

                var type = new TsgCdrType(filters.Types.Count == 1 ? filters.Types[0].Trim().ToUpperInvariant() : "SMS");
                return client.Tsg.AsCdrSource(type, q => q with { CompanyId = filters.CompanyId });
            default:
                var account = filters.AccountId ?? connection.DefaultKazooAccount
                    ?? throw new ExportException("--account-id (or KAZOO_ACCOUNT_ID) is required for kazoo: the 32-character id of the account to export.");
                return client.Kazoo.AsCdrSource(account, q => q with { UserId = filters.UserId });
        }
    }

    private static string TelnyxKind(IReadOnlyList<string> types) => types switch
    {
        [] => "calls",
        [var only] when only.Trim().Equals("calls", StringComparison.OrdinalIgnoreCase) => "calls",
        [var only] when only.Trim().Equals("messages", StringComparison.OrdinalIgnoreCase) => "messages",
        _ => throw new ExportException($"--type for telnyx is calls (CDR reports) or messages (MDR reports), one of them, but was '{string.Join(", ", types)}'."),
    };

    private static void RejectForeign(CdrProvider provider, ExportFilters filters)
    {
        Reject(provider, CdrProvider.Voiso, filters.Queues.Count > 0, "--queue");
        Reject(provider, CdrProvider.Telnyx, filters.Connections.Count > 0, "--connection");
        Reject(provider, CdrProvider.Tsg, filters.CompanyId is not null, "--company-id");
        Reject(provider, CdrProvider.Kazoo, filters.UserId is not null, "--user-id");
        if (provider == CdrProvider.Kazoo && filters.Types.Count > 0)
        {
            throw new ExportException("--type is not used by kazoo: its CDRs are all call legs (filter by --user-id instead).");
        }
    }

    private static void Reject(CdrProvider provider, CdrProvider owner, bool given, string option)
    {
        if (given && provider != owner)
        {
            throw new ExportException($"{option} applies to {owner.ToString().ToLowerInvariant()} only, not to {provider.ToString().ToLowerInvariant()}.");
        }
    }
}
