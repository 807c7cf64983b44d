using System.Collections.Concurrent;
using System.Net;
using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tsg;
using CdrSdk.Voiso;
using Microsoft.Extensions.Logging;
using Polly;

namespace CdrSdk.Core.Http;

/// <summary>
/// Builds and keeps the HTTP plumbing of one client (or one DI container): a resilience pipeline per provider,
/// the credential handlers, the primary socket handlers, and the secrets to scrub. Long-lived state (circuit
/// breakers, tokens) lives here, so it survives handler rotation by <c>IHttpClientFactory</c>.
/// </summary>
internal sealed class HttpInfrastructure
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<CdrProvider, Lazy<System.Threading.RateLimiting.RateLimiter?>> _limiters = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly Lazy<KazooTokenCache> _kazooTokens;
    private readonly Lazy<TsgTokenCache> _tsgTokens;

    public HttpInfrastructure(CdrClientOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        Options = options;
        _loggerFactory = loggerFactory;
        TimeProvider = timeProvider;
        Secrets.Add(options.Telnyx?.ApiKey);
        Secrets.Add(options.Telnyx?.ApiUser);
        Secrets.Add(options.Voiso?.ApiKey);
        Secrets.Add(options.Tsg?.Token);
        Secrets.Add(options.Tsg?.Password);
        Secrets.Add(options.Kazoo?.AuthToken);
        Secrets.Add(options.Kazoo?.ApiKey);
        Secrets.Add(options.Kazoo?.Password);
        _kazooTokens = new Lazy<KazooTokenCache>(() => new KazooTokenCache(Options.Kazoo, Secrets, TimeProvider));
        _tsgTokens = new Lazy<TsgTokenCache>(() => new TsgTokenCache(Options.Tsg, Secrets, TimeProvider));
    }

    public CdrClientOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public SecretRegistry Secrets { get; } = new();

    /// <summary>The resilience settings for a provider (its override, or the shared defaults); downloads use the defaults.</summary>
    public CdrResilienceOptions ResilienceFor(CdrProvider? provider) => provider switch
    {
        CdrProvider.Telnyx => Options.Telnyx.Resilience ?? Options.Resilience,
        CdrProvider.Kazoo => Options.Kazoo.Resilience ?? Options.Resilience,
        CdrProvider.Voiso => Options.Voiso.Resilience ?? Options.Resilience,
        CdrProvider.Tsg => Options.Tsg.Resilience ?? Options.Resilience,
        _ => Options.Resilience,
    };

    /// <summary>The provider's pipeline, created once.</summary>
    public ResiliencePipeline<HttpResponseMessage> PipelineFor(CdrProvider? provider) =>
        _pipelines.GetOrAdd(
            provider?.ToString() ?? "Downloads",
            static (_, state) => HttpResiliencePipeline.Build(
                state.Self.ResilienceFor(state.Provider),
                state.Provider,
                state.Self._loggerFactory.CreateLogger("CdrSdk.Resilience"),
                state.Self.TimeProvider),
            (Self: this, Provider: provider));

    /// <summary>The provider's request rate limiter, created once; <see langword="null"/> when no limit is set.</summary>
    public System.Threading.RateLimiting.RateLimiter? RateLimiterFor(CdrProvider provider) =>
        _limiters.GetOrAdd(provider, p => new Lazy<System.Threading.RateLimiting.RateLimiter?>(() =>
            ResilienceFor(p) is { MaxRequestsPerSecond: { } rate } settings ? RateLimitHandler.CreateLimiter(rate, settings.RateLimitBurst) : null)).Value;

    /// <summary>The handlers of a provider's API chain below resilience: the rate limit (when set) and redirects.</summary>
    public DelegatingHandler CreateRequestHandlers(CdrProvider provider, HttpMessageHandler inner)
    {
        DelegatingHandler redirects = new RedirectHandler { InnerHandler = inner };
        return RateLimiterFor(provider) is { } limiter ? new RateLimitHandler(limiter) { InnerHandler = redirects } : redirects;
    }

    /// <summary>The Kazoo token cache (one per client or container, shared by every handler instance).</summary>
    internal KazooTokenCache KazooTokens => _kazooTokens.Value;

    /// <summary>A new credential handler for the provider (handlers are per chain; their state is shared here).</summary>
    public DelegatingHandler CreateCredentialHandler(CdrProvider provider) => provider switch
    {
        CdrProvider.Telnyx => new TelnyxCredentialHandler(Options.Telnyx),
        CdrProvider.Voiso => new VoisoCredentialHandler(Options.Voiso),
        CdrProvider.Tsg => new TokenCredentialHandler(
            Options.Tsg.EffectiveBaseAddress,
            ["Authorization"],
            static (request, token) => request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token),
            string.IsNullOrWhiteSpace(Options.Tsg.Token) ? null : Options.Tsg.Token,
            string.IsNullOrWhiteSpace(Options.Tsg.Token) ? _tsgTokens.Value : null),
        CdrProvider.Kazoo => new TokenCredentialHandler(
            Options.Kazoo.BaseAddress!,
            ["X-Auth-Token"],
            static (request, token) =>
            {
                request.Headers.Remove("X-Auth-Token");
                request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
            },
            Options.Kazoo.AuthMethod == KazooAuthMethod.StaticToken ? Options.Kazoo.AuthToken : null,
            Options.Kazoo.AuthMethod == KazooAuthMethod.StaticToken ? null : _kazooTokens.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
    };

    /// <summary>
    /// The socket handler at the bottom of a chain. API clients never follow redirects here (a redirect would
    /// carry credential headers to another host): <see cref="RedirectHandler"/>, above the credential handler,
    /// follows them hop by hop. Download clients follow them here (they carry no credentials).
    /// </summary>
    public static SocketsHttpHandler CreatePrimaryHandler(bool followRedirects) => new()
    {
        AllowAutoRedirect = followRedirects,
        MaxAutomaticRedirections = 5,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(30),
        UseCookies = false,
    };

    /// <summary>Builds a complete chain for a client the SDK owns: resilience, redirects and credentials (not for downloads), sockets.</summary>
    public HttpMessageHandler BuildChain(CdrProvider? provider)
    {
        HttpMessageHandler handler = CreatePrimaryHandler(followRedirects: provider is null);
        if (provider is { } p)
        {
            var credentials = CreateCredentialHandler(p);
            credentials.InnerHandler = handler;
            handler = CreateRequestHandlers(p, credentials);
        }

        return new ResilienceHandler(PipelineFor(provider)) { InnerHandler = handler };
    }
}
