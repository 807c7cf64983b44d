namespace CdrSdk;

/// <summary>What the shared core reads from every provider's options section (each provider's options implement it).</summary>
internal interface IProviderOptions
{
    /// <summary>Whether the section has the credentials it needs.</summary>
    bool IsConfigured { get; }

    /// <summary>The configured base address (not a default), checked for plain http.</summary>
    Uri? BaseAddress { get; }

    /// <summary>The address requests go to: the configured one, or the provider's default; <see langword="null"/> when none can be told.</summary>
    Uri? EffectiveBaseAddress { get; }

    /// <summary>The provider's resilience override, or <see langword="null"/>.</summary>
    CdrResilienceOptions? Resilience { get; }

    /// <summary>Checks the section, each error's property prefixed with <paramref name="prefix"/>.</summary>
    void Validate(string prefix, List<CdrValidationError> errors);
}
