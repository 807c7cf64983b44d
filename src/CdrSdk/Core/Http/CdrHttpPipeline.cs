using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CdrSdk.Core.Http;

/// <summary>
/// The one place the SDK's HTTP clients are put together, for <c>new CdrClient(options)</c> (in a container of its
/// own) and <c>AddCdrClient</c> alike. Each provider's named client (its base address set, for the provider's Refit
/// interface) runs, outermost first: <see cref="TelemetryHandler"/> (one span, metrics and logs per call), the resilience handler
/// (<see cref="CdrResiliencePipeline"/>), <see cref="RedirectHandler"/>, the provider's credential handler (which
/// sends its token logins below itself), <see cref="UserAgentHandler"/>, then the sockets (no automatic
/// redirects). The download client has telemetry, resilience, the <c>User-Agent</c> and sockets that follow
/// redirects, and never credentials.
/// </summary>
internal static class CdrHttpPipeline
{
    /// <summary>The name of the <c>IHttpClientFactory</c> client of a provider, or of downloads when <see langword="null"/>.</summary>
    public static string ClientName(CdrProvider? provider) => provider is { } p ? "CdrSdk." + p : "CdrSdk.Downloads";

    /// <summary>Registers the named clients of every provider module and the download client.</summary>
    public static void AddHttpClients(IServiceCollection services)
    {
        foreach (var module in CdrProviders.All)
        {
            services.AddHttpClient(ClientName(module.Provider), (sp, client) =>
                {
                    NoClientTimeout(client);
                    client.BaseAddress = module.EffectiveBaseAddress(sp.GetRequiredService<HttpInfrastructure>().Options);
                })
                .RemoveAllLoggers()
                .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<HttpInfrastructure>().CreatePrimaryHandler(followRedirects: false))
                .AddHttpMessageHandler(sp => CreateTelemetryHandler(sp, module))
                .AddCdrResilience(module.Provider)
                .AddHttpMessageHandler(() => new RedirectHandler())
                .AddHttpMessageHandler(sp => module.CreateCredentialHandler(sp.GetRequiredService<HttpInfrastructure>()))
                .AddHttpMessageHandler(sp => new UserAgentHandler(sp.GetRequiredService<HttpInfrastructure>().UserAgent));
        }

        services.AddHttpClient(ClientName(null), NoClientTimeout)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<HttpInfrastructure>().CreatePrimaryHandler(followRedirects: true))
            .AddHttpMessageHandler(sp => CreateTelemetryHandler(sp, null))
            .AddCdrResilience(null)
            .AddHttpMessageHandler(sp => new UserAgentHandler(sp.GetRequiredService<HttpInfrastructure>().UserAgent));
    }

    private static TelemetryHandler CreateTelemetryHandler(IServiceProvider services, ICdrProviderModule? module)
    {
        var runtime = services.GetRequiredService<ClientRuntime>();
        var http = runtime.Infrastructure;
        return module is null
            ? new TelemetryHandler(null, null, runtime.LoggerFactory.CreateLogger("CdrSdk.Downloads"), http.Metrics)
            : new TelemetryHandler(module.Provider, module.EffectiveBaseAddress(http.Options), runtime.LoggerFactory.CreateLogger("CdrSdk." + module.Provider), http.Metrics);
    }

    /// <summary>Timeouts are the resilience handler's (attempt and total); the client's own would cut long CSV streams.</summary>
    private static void NoClientTimeout(HttpClient client) => client.Timeout = Timeout.InfiniteTimeSpan;

    private static IHttpClientBuilder AddCdrResilience(this IHttpClientBuilder builder, CdrProvider? provider)
    {
        builder.AddResilienceHandler("resilience", (pipeline, context) =>
        {
            var http = context.ServiceProvider.GetRequiredService<HttpInfrastructure>();
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("CdrSdk.Resilience");
            var name = provider is { } p ? CdrTelemetry.ProviderName(p) : "download";
            CdrResiliencePipeline.Configure(pipeline, http.ResilienceFor(provider), name, logger, http.TimeProvider, http.RateLimiterFor(provider), http.Metrics);
        });
        return builder;
    }
}
