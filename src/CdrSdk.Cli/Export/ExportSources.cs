using CdrSdk.Telnyx;

namespace CdrSdk.Tool.Export;

/// <summary>Turns the provider and the <c>cdr export</c> filters (checked by <see cref="ExportRules"/>) into the SDK's <see cref="ICdrSource"/>.</summary>
internal static class ExportSources
{
    /// <param name="settings">The export.</param>
    /// <param name="connection">The client (and emulator) to read from.</param>
    /// <param name="reportProgress">Hears about a Telnyx report while it is generated.</param>
    /// <exception cref="ExportException">A required filter is missing (the others were checked by <see cref="ExportRules.Check"/>).</exception>
    public static ICdrSource Create(ExportSettings settings, ExportConnection connection, IProgress<TelnyxReport>? reportProgress)
    {
        var filters = settings.Filters;
        var client = connection.Client;
        switch (settings.Provider)
        {
            case CdrProvider.Telnyx:
                var connections = filters.Connections.Count > 0 ? filters.Connections : null;
                return ExportRules.TelnyxKind(settings) == "messages"
                    ? client.Telnyx.AsMdrSource(r => r with { Connections = connections }, reportProgress)
                    : client.Telnyx.AsCdrSource(r => r with { Connections = connections }, reportProgress);
            case CdrProvider.Voiso:
                var types = ExportRules.VoisoTypes(settings);
                var queues = filters.Queues.Count > 0 ? filters.Queues : null;
                return client.Voiso.AsCdrSource(q => q with { Type = types, QueueId = queues });
            case CdrProvider.Tsg:
                return client.Tsg.AsCdrSource(ExportRules.TsgType(settings), q => q with { CompanyId = filters.CompanyId });
            default:
                var account = filters.AccountId ?? connection.DefaultKazooAccount
                    ?? throw new ExportException("--account-id (or KAZOO_ACCOUNT_ID) is required for kazoo: the 32-character id of the account to export.");
                return client.Kazoo.AsCdrSource(account, q => q with { UserId = filters.UserId });
        }
    }
}
