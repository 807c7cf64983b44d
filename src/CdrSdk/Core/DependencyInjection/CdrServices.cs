using CdrSdk.Core.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CdrSdk;

/// <summary>The registrations behind both <c>AddCdrClient</c> and <c>new CdrClient(options)</c>.</summary>
internal static class CdrServices
{
    /// <summary>Registers the SDK's HTTP state, clients and entry points; the options come from <c>IOptions&lt;CdrClientOptions&gt;</c>.</summary>
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new HttpInfrastructure(
            sp.GetRequiredService<IOptions<CdrClientOptions>>().Value,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            CdrMetrics.For(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>())));
        services.TryAddSingleton(sp => new ClientRuntime(
            sp.GetRequiredService<HttpInfrastructure>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        CdrHttpPipeline.AddHttpClients(services);

        services.TryAddSingleton(sp => new CdrClient(sp.GetRequiredService<ClientRuntime>()));
        services.TryAddSingleton<ICdrClient>(sp => sp.GetRequiredService<CdrClient>());
        foreach (var module in CdrProviders.All)
        {
            module.AddClientService(services);
        }
    }

    /// <summary>A container of the client's own, for <c>new CdrClient(options)</c>: the same registrations as under DI.</summary>
    public static ServiceProvider BuildPrivateProvider(CdrClientOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(timeProvider);
        services.AddSingleton(Options.Create(options));
        Add(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = false });
    }
}
