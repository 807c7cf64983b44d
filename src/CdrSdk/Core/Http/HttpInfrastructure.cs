using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;

namespace CdrSdk.Core.Http;

/// <summary>
/// The long-lived HTTP state of one client (or one DI container): the options, the clock, the secrets to scrub,
/// the <c>User-Agent</c>, each provider's rate limiter and its token state (logins). It is a singleton, so this state
/// survives <c>IHttpClientFactory</c>'s handler rotation; the handlers themselves are created per chain.
/// </summary>
internal sealed class HttpInfrastructure : IDisposable
{
    private readonly ConcurrentDictionary<CdrProvider, object> _state = new();
    private readonly ConcurrentDictionary<CdrProvider, Lazy<RateLimiter?>> _limiters = new();
    private readonly ConcurrentDictionary<TrackedSocketsHandler, byte> _sockets = new();

    public HttpInfrastructure(CdrClientOptions options, TimeProvider timeProvider, CdrMetrics metrics)
    {
        Options = options;
        TimeProvider = timeProvider;
        Metrics = metrics;
        foreach (var module in CdrProviders.All)
        {
            module.AddSecrets(options, Secrets);
        }

        UserAgent = string.IsNullOrEmpty(options.UserAgent)
            ? $"CdrSdk/{CdrTelemetry.Version}"
            : $"{options.UserAgent} CdrSdk/{CdrTelemetry.Version}";
    }

    public CdrClientOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public SecretRegistry Secrets { get; } = new();

    /// <summary>The instruments of this client (from the container's meter factory when it has one).</summary>
    public CdrMetrics Metrics { get; }

    /// <summary>The <c>User-Agent</c> of every request: the application's product (when set), then <c>CdrSdk/x.y.z</c>.</summary>
    public string UserAgent { get; }

    /// <summary>The resilience settings for a provider (its override, or the shared defaults); downloads use the defaults.</summary>
    public CdrResilienceOptions ResilienceFor(CdrProvider? provider) =>
        (provider is { } p ? CdrProviders.Get(p).Resilience(Options) : null) ?? Options.Resilience;

    /// <summary>The provider's request rate limiter, created once; <see langword="null"/> when no limit is set.</summary>
    public RateLimiter? RateLimiterFor(CdrProvider? provider) =>
        provider is not { } p
            ? null
            : _limiters.GetOrAdd(p, key => new Lazy<RateLimiter?>(() =>
                ResilienceFor(key) is { MaxRequestsPerSecond: { } rate } settings ? CreateLimiter(rate, settings.RateLimitBurst) : null)).Value;

    /// <summary>State a provider keeps for the client's lifetime (its token cache), created once.</summary>
    public T State<T>(CdrProvider provider, Func<T> create)
        where T : class =>
        (T)_state.GetOrAdd(provider, static (_, factory) => factory(), create);

    /// <summary>
    /// The socket handler at the bottom of a chain. API clients never follow redirects here (a redirect would
    /// carry credential headers to another host): <see cref="RedirectHandler"/>, above the credential handler,
    /// follows them hop by hop. Download clients follow them here (they carry no credentials). The handler is
    /// tracked until <c>IHttpClientFactory</c> disposes it, so disposing the client (its container) closes every
    /// connection at once: the factory itself leaves the active handlers' connections open.
    /// </summary>
    public HttpMessageHandler CreatePrimaryHandler(bool followRedirects)
    {
        var handler = new TrackedSocketsHandler(CreateSocketsHandler(followRedirects), _sockets);
        _sockets.TryAdd(handler, 0);
        return handler;
    }

    private static SocketsHttpHandler CreateSocketsHandler(bool followRedirects) => new()
    {
        AllowAutoRedirect = followRedirects,
        MaxAutomaticRedirections = RedirectHandler.MaxRedirects,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(30),
        UseCookies = false,
    };

    public void Dispose()
    {
        foreach (var handler in _sockets.Keys)
        {
            handler.Dispose();
        }

        foreach (var limiter in _limiters.Values.Where(l => l.IsValueCreated))
        {
            limiter.Value?.Dispose();
        }
    }

    /// <summary>A token bucket: <c>burst</c> tokens, one more every <c>1 / rate</c> seconds; waiters queue in order.</summary>
    private static TokenBucketRateLimiter CreateLimiter(double requestsPerSecond, int burst) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1 / requestsPerSecond),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    /// <summary>A socket handler that leaves the tracking set when it is disposed.</summary>
    private sealed class TrackedSocketsHandler : DelegatingHandler
    {
        private readonly ConcurrentDictionary<TrackedSocketsHandler, byte> _set;

        public TrackedSocketsHandler(SocketsHttpHandler inner, ConcurrentDictionary<TrackedSocketsHandler, byte> set)
            : base(inner)
        {
            _set = set;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _set.TryRemove(this, out _);
            }

            base.Dispose(disposing);
        }
    }
}
