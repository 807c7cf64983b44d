using CdrSdk.Core.Http;
using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tsg;
using CdrSdk.Voiso;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CdrSdk;

/// <summary>
/// The SDK's entry point. Create one per application (or resolve <see cref="ICdrClient"/> from dependency
/// injection after <c>services.AddCdrClient(...)</c>) and share it: it is thread-safe and pools connections.
/// </summary>
/// <example>
/// <code>
/// await using var cdr = new CdrClient(new CdrClientOptions { Telnyx = { ApiKey = key } });
/// var operation = await cdr.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = from, EndTime = to });
/// await operation.WaitForCompletionAsync();
/// await foreach (var row in operation.ReadRowsAsync()) { Console.WriteLine(row.Cli); }
/// </code>
/// </example>
public sealed class CdrClient : ICdrClient, IDisposable, IAsyncDisposable
{
    private readonly ClientRuntime _runtime;
    private readonly OwnedHttpClients? _ownedHttp;
    private readonly Lazy<ITelnyxClient> _telnyx;
    private readonly Lazy<IKazooClient> _kazoo;
    private readonly Lazy<IVoisoClient> _voiso;
    private readonly Lazy<ITsgClient> _tsg;
    private int _disposed;

    /// <summary>Creates a client that owns its HTTP connections (dispose it when done).</summary>
    /// <param name="options">The settings; validated now.</param>
    /// <exception cref="CdrValidationException">A setting is invalid or no provider is configured; the message names each problem.</exception>
    public CdrClient(CdrClientOptions options)
        : this(options, null, null)
    {
    }

    /// <summary>Creates a client that owns its HTTP connections, with logging and an injectable clock.</summary>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="loggerFactory">Where the SDK logs; <see langword="null"/> disables logging.</param>
    /// <param name="timeProvider">The clock for polling, backoff and time-window rules; <see langword="null"/> uses the system clock.</param>
    /// <exception cref="CdrValidationException">A setting is invalid or no provider is configured; the message names each problem.</exception>
    public CdrClient(CdrClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        loggerFactory ??= NullLoggerFactory.Instance;
        var infrastructure = new HttpInfrastructure(options, loggerFactory, timeProvider ?? TimeProvider.System);
        _ownedHttp = new OwnedHttpClients(infrastructure);
        _runtime = new ClientRuntime(infrastructure, _ownedHttp, loggerFactory);
        _telnyx = new Lazy<ITelnyxClient>(CreateTelnyx);
        _kazoo = new Lazy<IKazooClient>(CreateKazoo);
        _voiso = new Lazy<IVoisoClient>(CreateVoiso);
        _tsg = new Lazy<ITsgClient>(CreateTsg);
    }

    /// <summary>Creates a client over HTTP clients from <c>IHttpClientFactory</c> (used by <c>AddCdrClient</c>).</summary>
    internal CdrClient(HttpInfrastructure infrastructure, IHttpClientSource http, ILoggerFactory loggerFactory)
    {
        _runtime = new ClientRuntime(infrastructure, http, loggerFactory);
        _telnyx = new Lazy<ITelnyxClient>(CreateTelnyx);
        _kazoo = new Lazy<IKazooClient>(CreateKazoo);
        _voiso = new Lazy<IVoisoClient>(CreateVoiso);
        _tsg = new Lazy<ITsgClient>(CreateTsg);
    }

    /// <inheritdoc />
    public ITelnyxClient Telnyx => _telnyx.Value;

    /// <inheritdoc />
    public IKazooClient Kazoo => _kazoo.Value;

    /// <inheritdoc />
    public IVoisoClient Voiso => _voiso.Value;

    /// <inheritdoc />
    public ITsgClient Tsg => _tsg.Value;

    /// <summary>Describes the client without revealing any credential.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() => $"CdrClient {{ {_runtime.Options} }}";

    /// <summary>Closes the HTTP connections this client owns.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ownedHttp?.Dispose();
        }
    }

    /// <summary>Closes the HTTP connections this client owns.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private TelnyxClient CreateTelnyx()
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        return _runtime.Options.Telnyx.IsConfigured
            ? new TelnyxClient(_runtime)
            : throw new InvalidOperationException("Telnyx is not configured: set CdrClientOptions.Telnyx.ApiKey (configuration key 'Telnyx:ApiKey').");
    }

    private VoisoClient CreateVoiso()
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        return _runtime.Options.Voiso.IsConfigured
            ? new VoisoClient(_runtime)
            : throw new InvalidOperationException("Voiso is not configured: set CdrClientOptions.Voiso.ApiKey and Voiso.ClusterId (or BaseAddress).");
    }

    private TsgClient CreateTsg()
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        return _runtime.Options.Tsg.IsConfigured
            ? new TsgClient(_runtime)
            : throw new InvalidOperationException("TSG is not configured: set CdrClientOptions.Tsg.Token, or Tsg.Email and Tsg.Password.");
    }

    private KazooClient CreateKazoo()
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        return _runtime.Options.Kazoo.IsConfigured
            ? new KazooClient(_runtime)
            : throw new InvalidOperationException("Kazoo is not configured: set CdrClientOptions.Kazoo.BaseAddress and one of AuthToken, ApiKey or Username/Password/AccountName.");
    }
}
