using CdrSdk.Core.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CdrSdk;

/// <summary>
/// Everything the shared core needs to know about one provider, registered once in <see cref="CdrProviders"/>:
/// its options (validation, whether it is configured, its base address and resilience override), the secrets to
/// scrub, its credential handler, the headers that carry its request id, and its client. The core loops over the
/// modules and names no provider itself.
/// </summary>
internal interface ICdrProviderModule
{
    /// <summary>The provider.</summary>
    CdrProvider Provider { get; }

    /// <summary>The provider's lower-case name in telemetry, logs and HTTP client names (<c>telnyx</c>).</summary>
    string Name { get; }

    /// <summary>The provider's name in messages and errors, as the provider writes it (<c>TSG</c>, <c>Telnyx</c>).</summary>
    string DisplayName { get; }

    /// <summary>How to configure the provider, for the "no provider is configured" message (<c>Telnyx.ApiKey</c>).</summary>
    string ConfigurationHint { get; }

    /// <summary>
    /// Response headers that carry the provider's request id, in the order they are looked for; the body's own
    /// request id (Kazoo's <c>request_id</c>) is read by the error mapper when none of them is present.
    /// </summary>
    IReadOnlyList<string> RequestIdHeaders { get; }

    /// <summary>Whether the provider's section has the credentials it needs (the provider is enabled).</summary>
    bool IsConfigured(CdrClientOptions options);

    /// <summary>Checks the provider's section (null included), each error prefixed with the section name.</summary>
    void Validate(CdrClientOptions options, List<CdrValidationError> errors);

    /// <summary>The base address the credentials go to, when one is set or implied; <see langword="null"/> when none is.</summary>
    Uri? BaseAddress(CdrClientOptions options);

    /// <summary>The address the provider's requests go to (the configured one or the default); <see langword="null"/> when none is known.</summary>
    Uri? EffectiveBaseAddress(CdrClientOptions options);

    /// <summary>The provider's resilience override, or <see langword="null"/> for the shared settings.</summary>
    CdrResilienceOptions? Resilience(CdrClientOptions options);

    /// <summary>The section's description with every secret redacted (for <c>ToString()</c>).</summary>
    string Describe(CdrClientOptions options);

    /// <summary>Registers every configured secret of the section, so no text leaving the SDK carries it.</summary>
    void AddSecrets(CdrClientOptions options, SecretRegistry secrets);

    /// <summary>A new credential handler for one handler chain; long-lived state (tokens) lives in <paramref name="http"/>.</summary>
    DelegatingHandler CreateCredentialHandler(HttpInfrastructure http);

    /// <summary>Creates the provider's client (<see cref="CdrClient"/> calls it once, on first use).</summary>
    object CreateClient(ClientRuntime runtime);

    /// <summary>Registers the provider's client interface in a service collection (resolved through <see cref="ICdrClient"/>).</summary>
    void AddClientService(IServiceCollection services);
}
