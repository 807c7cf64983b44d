using Microsoft.Extensions.Logging;

namespace CdrSdk.Core.Http;

/// <summary>The services every provider client of one <see cref="CdrClient"/> shares.</summary>
internal sealed class ClientRuntime
{
    private readonly IHttpClientFactory _httpClients;

    public ClientRuntime(HttpInfrastructure infrastructure, IHttpClientFactory httpClients, ILoggerFactory loggerFactory)
    {
        Infrastructure = infrastructure;
        _httpClients = httpClients;
        LoggerFactory = loggerFactory;
    }

    public HttpInfrastructure Infrastructure { get; }

    public CdrClientOptions Options => Infrastructure.Options;

    public ILoggerFactory LoggerFactory { get; }

    public TimeProvider TimeProvider => Infrastructure.TimeProvider;

    public SecretRegistry Secrets => Infrastructure.Secrets;

    public string UserAgent => Infrastructure.UserAgent;

    /// <summary>The client for API calls to <paramref name="provider"/> (credentials attached for its base address only).</summary>
    public HttpClient HttpFor(CdrProvider provider) => _httpClients.CreateClient(CdrHttpPipeline.ClientName(provider));

    /// <summary>The client for report and export downloads: resilient, never authenticated.</summary>
    public HttpClient HttpForDownloads() => _httpClients.CreateClient(CdrHttpPipeline.ClientName(null));

    /// <summary>Creates the transport (the response side) for a provider's API calls.</summary>
    public ApiTransport CreateTransport(CdrProvider provider, Uri baseAddress) => new(provider, baseAddress, this);

    /// <summary>
    /// The provider's generated Refit client over a client from the factory (its base address set by the pipeline).
    /// Created per call, like the factory's clients, so <c>IHttpClientFactory</c> can rotate the handlers.
    /// </summary>
    public TApi Api<TApi>(CdrProvider provider, Refit.RefitSettings settings) => RefitClients.Create<TApi>(HttpFor(provider), settings);
}
