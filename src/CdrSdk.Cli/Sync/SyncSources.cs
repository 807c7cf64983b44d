using CdrSdk.Sync;
using CdrSdk.Tool.Export;

namespace CdrSdk.Tool.Sync;

/// <summary>
/// The sources of one <c>cdr sync</c>: those of the configuration, or the one of the command line, which like
/// <c>cdr export</c> runs against the embedded emulator when the provider has no address or credential.
/// </summary>
internal sealed class SyncSources : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owner;

    private SyncSources(IReadOnlyList<CdrSyncSource> sources, IAsyncDisposable? owner, bool emulated)
    {
        Sources = sources;
        _owner = owner;
        Emulated = emulated;
    }

    public IReadOnlyList<CdrSyncSource> Sources { get; }

    public bool Emulated { get; }

    /// <exception cref="CdrSyncException">A configured source is invalid.</exception>
    public static async Task<SyncSources> FromConfigurationAsync(CdrSyncOptions options, ProviderEnvironment environment, CancellationToken cancellationToken)
    {
        var set = await CdrSyncSourceSet.CreateAsync(options, environment: environment.Get, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new SyncSources(set.Sources, set, emulated: false);
    }

    /// <summary>Checks the command line's source (its filters, types and credentials) without connecting.</summary>
    /// <exception cref="ExportException">A filter or credential is invalid.</exception>
    /// <exception cref="CdrValidationException">The credentials break a rule of the SDK.</exception>
    public static (CdrClientOptions Options, ExportTarget Target) Check(ExportSettings source, ProviderEnvironment environment)
    {
        ExportRules.CheckFilters(source);
        var options = ClientOptionsBuilder.Build(source, environment);
        return (options, ExportConnection.TargetOf(source, options));
    }

    public static async Task<SyncSources> FromCommandLineAsync(SyncSettings settings, ExportSettings source, ProviderEnvironment environment, string emulatorState,
        CancellationToken cancellationToken)
    {
        var (options, target) = Check(source, environment);
        var connection = await ExportConnection.OpenAsync(source, target, options, emulatorState, null, cancellationToken).ConfigureAwait(false);
        try
        {
            var records = ExportSources.Create(source, connection, null);
            var sync = new CdrSyncSource
            {
                Name = settings.SourceName ?? DefaultName(source, connection),
                Records = records,
                Start = settings.Resync ? null : settings.From,
                End = settings.Resync ? null : settings.To,
                Lookback = settings.Lookback,
                Settle = settings.Settle,
                WindowSize = settings.Window,
                PageSize = source.PageSize,
            };
            return new SyncSources([sync], connection, connection.Emulator is not null);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _owner?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static string DefaultName(ExportSettings source, ExportConnection connection)
    {
        var f = source.Filters;
        var type = f.Types.Count == 1 ? "-" + f.Types[0].Trim().ToLowerInvariant() : string.Empty;
        return source.Provider switch
        {
            CdrProvider.Telnyx => "telnyx" + (type.Length > 0 ? type : "-calls"),
            CdrProvider.Voiso => "voiso" + type,
            CdrProvider.Tsg => "tsg" + (type.Length > 0 ? type : "-sms") + (f.CompanyId is { } company ? "-" + company : string.Empty),
            _ => "kazoo-" + (f.AccountId ?? connection.DefaultKazooAccount) + (f.UserId is { } user ? "-" + user : string.Empty),
        };
    }
}
