namespace CdrSdk.Sync;

/// <summary>
/// The sources of a configuration (<see cref="CdrSyncOptions.Sources"/>) made ready to sync: credentials resolved,
/// one SDK client per provider and credentials (so sources sharing them share its rate limit), filters applied.
/// Dispose it to close the clients.
/// </summary>
public sealed class CdrSyncSourceSet : IAsyncDisposable
{
    private readonly IReadOnlyList<CdrClient> _clients;

    internal CdrSyncSourceSet(IReadOnlyList<CdrSyncSource> sources, IReadOnlyList<CdrClient> clients)
    {
        Sources = sources;
        _clients = clients;
    }

    /// <summary>The sources, in configuration order.</summary>
    public IReadOnlyList<CdrSyncSource> Sources { get; }

    /// <summary>
    /// Builds the sources of <paramref name="options"/>, checking every one first: an unknown provider, a filter of
    /// another provider, a missing credential or an unresolvable reference ends with one error naming the source
    /// and the setting, before anything is sent or written.
    /// </summary>
    /// <param name="options">The options with their <see cref="CdrSyncOptions.Sources"/>.</param>
    /// <param name="secrets">Resolves <c>secret:NAME</c> references; <see langword="null"/> allows <c>env:</c> and <c>file:</c> only.</param>
    /// <param name="environment">Reads environment variables (for <c>env:</c>); <see langword="null"/> for the process environment.</param>
    /// <param name="loggerFactory">The SDK clients' logging; <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The SDK clients' clock; <see langword="null"/> for the system clock.</param>
    /// <param name="cancellationToken">Cancels reading <c>file:</c> and <c>secret:</c> references.</param>
    /// <returns>The sources.</returns>
    /// <exception cref="CdrSyncException">A source is invalid; the message names it and what is allowed, never a secret.</exception>
    public static async Task<CdrSyncSourceSet> CreateAsync(CdrSyncOptions options, ICdrSecretResolver? secrets = null, Func<string, string?>? environment = null,
        Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var factory = new SourceFactory(secrets, environment ?? Environment.GetEnvironmentVariable, loggerFactory, timeProvider);
        try
        {
            var sources = new List<CdrSyncSource>();
            for (var i = 0; i < options.Sources.Count; i++)
            {
                sources.Add(await factory.CreateAsync(options.Sources[i], i, cancellationToken).ConfigureAwait(false));
            }

            return new CdrSyncSourceSet(sources, factory.Clients);
        }
        catch
        {
            await factory.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }
}
