using Microsoft.Extensions.Logging;

namespace CdrSdk.Core.Http;

/// <summary>The services every provider client of one <see cref="CdrClient"/> shares.</summary>
internal sealed class ClientRuntime
{
    public ClientRuntime(HttpInfrastructure infrastructure, IHttpClientSource http, ILoggerFactory loggerFactory)
    {
        Infrastructure = infrastructure;
        Http = http;
        LoggerFactory = loggerFactory;
        var options = infrastructure.Options;
        UserAgent = string.IsNullOrEmpty(options.UserAgent)
            ? $"CdrSdk/{CdrTelemetry.Version}"
            : $"{options.UserAgent} CdrSdk/{CdrTelemetry.Version}";
    }

    public HttpInfrastructure Infrastructure { get; }

    public CdrClientOptions Options => Infrastructure.Options;

    public IHttpClientSource Http { get; }

    public ILoggerFactory LoggerFactory { get; }

    public TimeProvider TimeProvider => Infrastructure.TimeProvider;

    public SecretRegistry Secrets => Infrastructure.Secrets;

    public string UserAgent { get; }

    /// <summary>Creates the transport for a provider's API calls.</summary>
    public ApiTransport CreateTransport(CdrProvider provider, Uri baseAddress) =>
        new(provider, baseAddress, () => Http.ForProvider(provider), this, Infrastructure.ResilienceFor(provider).MaxRetries);
}
