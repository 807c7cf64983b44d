using CdrSdk.Sync;
using CdrSdk.Sync.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the sync hosted service and its health check.</summary>
public static class CdrSyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers a hosted service that syncs the configured sources (and every <see cref="CdrSyncSource"/> registered
    /// in the container) into <see cref="CdrSyncOptions.Store"/> every <see cref="CdrSyncOptions.Interval"/>, bound from
    /// configuration (for example <c>configuration.GetSection("CdrSync")</c>). Options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <returns>The options builder, to chain further configuration.</returns>
    public static OptionsBuilder<CdrSyncOptions> AddCdrSync(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = AddCore(services);
        builder.Bind(configuration);
        return builder;
    }

    /// <summary>Registers the sync hosted service, configured in code (see <see cref="AddCdrSync(IServiceCollection, IConfiguration)"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The options builder, to chain further configuration.</returns>
    public static OptionsBuilder<CdrSyncOptions> AddCdrSync(this IServiceCollection services, Action<CdrSyncOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddCore(services);
        builder.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds the sync's health check: healthy while the last run succeeded and is recent, degraded before the first run
    /// ends or when some sources failed, unhealthy when every source failed, the store cannot be reached, or no run
    /// ended for three intervals. Its data holds each source's outcome and watermark.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; default <c>cdr-sync</c>.</param>
    /// <param name="tags">Tags to filter the check by (readiness, liveness).</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddCdrSyncCheck(this IHealthChecksBuilder builder, string name = "cdr-sync", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<CdrSyncStatusTracker>();
        return builder.Add(new HealthCheckRegistration(name, sp => ActivatorUtilities.CreateInstance<CdrSyncHealthCheck>(sp), HealthStatus.Unhealthy, tags));
    }

    private static OptionsBuilder<CdrSyncOptions> AddCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CdrSyncOptions>, CdrSyncOptionsValidator>());
        services.TryAddSingleton<CdrSyncStatusTracker>();
        services.AddHostedService<CdrSyncBackgroundService>();
        return services.AddOptions<CdrSyncOptions>().ValidateOnStart();
    }
}
