using CdrSdk.Core.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CdrSdk;

/// <summary>
/// The common part of a provider module: the provider's options section of <see cref="CdrClientOptions"/> and
/// the defaults most providers share (request id in <c>x-request-id</c>, the section missing is an error).
/// </summary>
/// <typeparam name="TOptions">The provider's options type.</typeparam>
/// <typeparam name="TClient">The provider's public client interface.</typeparam>
internal abstract class CdrProviderModule<TOptions, TClient> : ICdrProviderModule
    where TOptions : class, IProviderOptions
    where TClient : class
{
    private static readonly string[] DefaultRequestIdHeaders = ["x-request-id", "request-id", "x-correlation-id"];

    public abstract CdrProvider Provider { get; }

    private string? _name;

    public string Name => _name ??= Provider.ToString().ToLowerInvariant();

    public virtual string DisplayName => Provider.ToString();

    public abstract string ConfigurationHint { get; }

    public virtual IReadOnlyList<string> RequestIdHeaders => DefaultRequestIdHeaders;

    /// <summary>The provider's section of the options (<see langword="null"/> when a caller set it so).</summary>
    public abstract TOptions? Section(CdrClientOptions options);

    public bool IsConfigured(CdrClientOptions options) => Section(options) is { IsConfigured: true };

    public void Validate(CdrClientOptions options, List<CdrValidationError> errors)
    {
        if (Section(options) is { } section)
        {
            section.Validate(Provider + ".", errors);
        }
        else
        {
            errors.Add(new(Provider.ToString(), "must not be null."));
        }
    }

    public Uri? BaseAddress(CdrClientOptions options) => Section(options)?.BaseAddress;

    public Uri? EffectiveBaseAddress(CdrClientOptions options) => Section(options)?.EffectiveBaseAddress;

    public CdrResilienceOptions? Resilience(CdrClientOptions options) => Section(options)?.Resilience;

    public string Describe(CdrClientOptions options) => Section(options)?.ToString() ?? Provider + " (null)";

    public void AddSecrets(CdrClientOptions options, SecretRegistry secrets)
    {
        if (Section(options) is { } section)
        {
            foreach (var secret in Secrets(section))
            {
                secrets.Add(secret);
            }
        }
    }

    public DelegatingHandler CreateCredentialHandler(HttpInfrastructure http) => CreateCredentialHandler(Section(http.Options)!, http);

    public object CreateClient(ClientRuntime runtime) => CreateClient(Section(runtime.Options)!, runtime);

    public void AddClientService(IServiceCollection services) =>
        services.TryAddSingleton(sp => sp.GetRequiredService<CdrClient>().Client<TClient>(Provider));

    protected abstract IEnumerable<string?> Secrets(TOptions section);

    protected abstract DelegatingHandler CreateCredentialHandler(TOptions section, HttpInfrastructure http);

    protected abstract object CreateClient(TOptions section, ClientRuntime runtime);
}
