using System.Collections.Concurrent;
using CdrSdk.Core.Http;
using Microsoft.Extensions.DependencyInjection;
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
public sealed partial class CdrClient : ICdrClient, IDisposable, IAsyncDisposable
{
    private readonly ClientRuntime _runtime;
    private readonly ServiceProvider? _ownedServices;
    private readonly ConcurrentDictionary<CdrProvider, Lazy<object>> _clients = new();
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

        // The same registrations as AddCdrClient, in a container of its own: one pipeline for both ways of building.
        _ownedServices = CdrServices.BuildPrivateProvider(options, loggerFactory ?? NullLoggerFactory.Instance, timeProvider ?? TimeProvider.System);
        _runtime = _ownedServices.GetRequiredService<ClientRuntime>();
    }

    /// <summary>Creates a client over the services of a container (used by <c>AddCdrClient</c>); the container owns the connections.</summary>
    internal CdrClient(ClientRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <summary>Describes the client without revealing any credential.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() => $"CdrClient {{ {_runtime.Options} }}";

    /// <summary>Closes the HTTP connections this client owns.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ownedServices?.Dispose();
        }
    }

    /// <summary>Closes the HTTP connections this client owns.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownedServices is not null)
        {
            await _ownedServices.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The provider's client, created on first use.</summary>
    internal T Client<T>(CdrProvider provider)
        where T : class
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        return (T)_clients.GetOrAdd(provider, static (p, runtime) => new Lazy<object>(() =>
        {
            var module = CdrProviders.Get(p);
            return module.IsConfigured(runtime.Options)
                ? module.CreateClient(runtime)
                : throw new InvalidOperationException($"{p} is not configured: set CdrClientOptions.{module.ConfigurationHint}.");
        }), _runtime).Value;
    }
}
