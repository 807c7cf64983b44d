using CdrSdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the CDR SDK in a service collection.</summary>
public static class CdrServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICdrClient"/> and the provider interfaces (for example <c>ITelnyxClient</c>),
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
        CdrServices.Add(services);
        return builder;
    }
}
