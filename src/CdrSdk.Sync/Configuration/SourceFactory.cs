using CdrSdk.Telnyx;
using CdrSdk.Tsg;
using CdrSdk.Voiso;
using Microsoft.Extensions.Logging;

namespace CdrSdk.Sync;

/// <summary>Builds one <see cref="CdrSyncSource"/> from its options, sharing a client between sources of one provider with the same address and credentials.</summary>
internal sealed class SourceFactory : IAsyncDisposable
{
    private readonly ICdrSecretResolver? _secrets;
    private readonly Func<string, string?> _environment;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly TimeProvider? _time;
    private readonly Dictionary<string, CdrClient> _clients = new(StringComparer.Ordinal);

    public SourceFactory(ICdrSecretResolver? secrets, Func<string, string?> environment, ILoggerFactory? loggerFactory, TimeProvider? time)
    {
        _secrets = secrets;
        _environment = environment;
        _loggerFactory = loggerFactory;
        _time = time;
    }

    public IReadOnlyList<CdrClient> Clients => [.. _clients.Values];

    public async Task<CdrSyncSource> CreateAsync(CdrSyncSourceOptions options, int index, CancellationToken cancellationToken)
    {
        var where = $"Sources:{index}" + (options.Name is { Length: > 0 } n ? $" ('{n}')" : string.Empty);
        var provider = ParseProvider(options.Provider, where);
        SourceFilters.RejectForeign(provider, options, where);
        var credentials = await ResolveAsync(options.Credentials, where, cancellationToken).ConfigureAwait(false);
        var clientOptions = SourceClientOptions.For(provider, options, credentials, where);
        var key = SourceClientOptions.Key(provider, clientOptions);
        if (!_clients.TryGetValue(key, out var client))
        {
            try
            {
                client = new CdrClient(clientOptions, _loggerFactory, _time);
            }
            catch (CdrValidationException ex)
            {
                throw new CdrSyncException($"{where} ({Word(provider)}): {ex.Message}", ex) { BeforeAnyWrite = true };
            }

            _clients[key] = client;
        }

        var (records, name) = SourceFilters.Create(provider, options, client, where);
        return new CdrSyncSource
        {
            Name = options.Name ?? name,
            Records = records,
            Lookback = options.Lookback,
            Settle = options.Settle,
            Start = options.Start,
            End = options.End,
            WindowSize = options.WindowSize,
            PageSize = options.PageSize,
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static string Word(CdrProvider provider) => Records.RecordWords.Of(provider);

    internal static CdrProvider ParseProvider(string? text, string where) => text?.Trim().ToLowerInvariant() switch
    {
        "telnyx" => CdrProvider.Telnyx,
        "voiso" => CdrProvider.Voiso,
        "tsg" => CdrProvider.Tsg,
        "kazoo" => CdrProvider.Kazoo,
        null or "" => throw Fail($"{where}: Provider is required: telnyx, voiso, tsg or kazoo."),
        _ => throw Fail($"{where}: Provider '{text}' is not a provider this sync knows: use telnyx, voiso, tsg or kazoo."),
    };

    private async Task<ResolvedCredentials> ResolveAsync(CdrSyncCredentialOptions c, string where, CancellationToken cancellationToken)
    {
        async ValueTask<string?> Get(string? value, string name, bool secret) =>
            await SecretReference.ResolveAsync(value, $"{where}: Credentials:{name}", secret, _environment, _secrets, cancellationToken).ConfigureAwait(false);

        return new ResolvedCredentials(
            await Get(c.ApiKey, "ApiKey", secret: true).ConfigureAwait(false),
            await Get(c.ApiUser, "ApiUser", secret: false).ConfigureAwait(false),
            await Get(c.AuthToken, "AuthToken", secret: true).ConfigureAwait(false),
            await Get(c.Email, "Email", secret: false).ConfigureAwait(false),
            await Get(c.Username, "Username", secret: false).ConfigureAwait(false),
            await Get(c.Password, "Password", secret: true).ConfigureAwait(false),
            await Get(c.AccountName, "AccountName", secret: false).ConfigureAwait(false));
    }

    internal static CdrSyncException Fail(string message) => new(message) { BeforeAnyWrite = true };
}
