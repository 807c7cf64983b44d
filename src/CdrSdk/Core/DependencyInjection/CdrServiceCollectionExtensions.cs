using CdrSdk;
using CdrSdk.Core.Http;
using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tsg;
using CdrSdk.Voiso;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the CDR SDK in a service collection.</summary>
public static class CdrServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICdrClient"/> and the provider interfaces (for example <see cref="ITelnyxClient"/>),
    /// configured in code. Options are validated when the host starts (and at the latest on first resolution).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The options builder, to chain further configuration.</returns>
    public static OptionsBuilder<CdrClientOptions> AddCdrClient(this IServiceCollection services, Action<CdrClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddCore(services);
        builder.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Registers <see cref="ICdrClient"/> and the provider interfaces, bound from configuration (for example
    /// <c>configuration.GetSection("Cdr")</c> with <c>Telnyx:ApiKey</c>, <c>Resilience:MaxRetries</c>). Binding is
    /// source-generated (no reflection). Options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The options builder, to chain further configuration.</returns>
    public static OptionsBuilder<CdrClientOptions> AddCdrClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = AddCore(services);
        builder.Bind(configuration);
        return builder;
    }

    private static OptionsBuilder<CdrClientOptions> AddCore(IServiceCollection services)
    {
        var builder = services.AddOptions<CdrClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CdrClientOptions>, CdrClientOptionsValidator>());

        services.TryAddSingleton(sp => new HttpInfrastructure(
            sp.GetRequiredService<IOptions<CdrClientOptions>>().Value,
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp.GetService<TimeProvider>() ?? TimeProvider.System));

        foreach (var provider in Enum.GetValues<CdrProvider>())
        {
            AddProviderClient(services, provider);
        }

        services.AddHttpClient(CdrHttpClientNames.Downloads, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => HttpInfrastructure.CreatePrimaryHandler(followRedirects: true))
            .AddHttpMessageHandler(sp => new ResilienceHandler(sp.GetRequiredService<HttpInfrastructure>().PipelineFor(null)));

        services.TryAddSingleton<ICdrClient>(sp => new CdrClient(
            sp.GetRequiredService<HttpInfrastructure>(),
            new FactoryHttpClients(sp.GetRequiredService<IHttpClientFactory>()),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.TryAddSingleton(sp => sp.GetRequiredService<ICdrClient>().Telnyx);
        services.TryAddSingleton(sp => sp.GetRequiredService<ICdrClient>().Kazoo);
        services.TryAddSingleton(sp => sp.GetRequiredService<ICdrClient>().Voiso);
        services.TryAddSingleton(sp => sp.GetRequiredService<ICdrClient>().Tsg);
        return builder;
    }

    private static void AddProviderClient(IServiceCollection services, CdrProvider provider) =>
        services.AddHttpClient(CdrHttpClientNames.For(provider), client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => HttpInfrastructure.CreatePrimaryHandler(followRedirects: false))
            .AddHttpMessageHandler(sp => new ResilienceHandler(sp.GetRequiredService<HttpInfrastructure>().PipelineFor(provider)))
            .AddHttpMessageHandler(sp => sp.GetRequiredService<HttpInfrastructure>().RateLimiterFor(provider) is { } limiter
                ? new RateLimitHandler(limiter)
                : new PassThroughHandler())
            .AddHttpMessageHandler(_ => new RedirectHandler())
            .AddHttpMessageHandler(sp => sp.GetRequiredService<HttpInfrastructure>().CreateCredentialHandler(provider));
}
