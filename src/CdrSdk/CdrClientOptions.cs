namespace CdrSdk;

/// <summary>
/// Settings of a <see cref="CdrClient"/>: one section per provider (declared in the provider's folder) plus shared resilience settings. A provider is
/// enabled by setting its credentials; at least one provider must be enabled.
/// </summary>
/// <example>
/// <code>
/// var options = new CdrClientOptions { Telnyx = { ApiKey = Environment.GetEnvironmentVariable("TELNYX_API_KEY") } };
/// await using var cdr = new CdrClient(options);
/// </code>
/// Bound from configuration (<c>AddCdrClient(configuration.GetSection("Cdr"))</c>) the same shape reads:
/// <code>
/// { "Cdr": { "Telnyx": { "ApiKey": "...", "ApiVersion": "V2" }, "Resilience": { "MaxRetries": 5 } } }
/// </code>
/// </example>
public sealed partial class CdrClientOptions
{
    /// <summary>Retry, circuit-breaker and timeout defaults for every provider and for report downloads.</summary>
    public CdrResilienceOptions Resilience { get; set; } = new();

    /// <summary>How paginators fetch pages (prefetch).</summary>
    public CdrPagingOptions Paging { get; set; } = new();

    /// <summary>
    /// Allows plain <c>http://</c> base addresses on hosts other than loopback. Off by default: over http the
    /// provider's credentials cross the network unencrypted, so such an address is refused when the options are
    /// validated. Loopback addresses (tests, the emulator, a local proxy) are always allowed.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// The <c>User-Agent</c> product added to every request (logins and downloads included), before the SDK's own
    /// (<c>CdrSdk/x.y.z</c>). Optional; letters, digits and <c>._-/</c> only.
    /// </summary>
    public string? UserAgent { get; set; }

    /// <summary>Describes the settings with every secret redacted.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() => $"CdrClientOptions {{ {string.Join(", ", CdrProviders.All.Select(m => m.Describe(this)))} }}";

    /// <summary>Checks every setting and returns the broken rules (empty when valid).</summary>
    /// <returns>The broken rules, each naming the option path (for example <c>Telnyx.ApiKey</c>).</returns>
    public IReadOnlyList<CdrValidationError> Validate()
    {
        var errors = new List<CdrValidationError>();
        foreach (var module in CdrProviders.All)
        {
            module.Validate(this, errors);
        }

        if (Resilience is null)
        {
            errors.Add(new(nameof(Resilience), "must not be null."));
        }
        else
        {
            Resilience.Validate(nameof(Resilience) + ".", errors);
        }

        if (!AllowInsecureHttp)
        {
            foreach (var module in CdrProviders.All)
            {
                OptionRules.SecureTransport(errors, module.Provider + ".BaseAddress", module.BaseAddress(this));
            }
        }

        if (Paging is null)
        {
            errors.Add(new(nameof(Paging), "must not be null."));
        }
        else
        {
            Paging.Validate(nameof(Paging) + ".", errors);
        }

        if (UserAgent is not null && (UserAgent.Length == 0 || UserAgent.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/'))))
        {
            errors.Add(new(nameof(UserAgent), "may contain only ASCII letters, digits and . _ - / (for example 'MyApp/1.2')."));
        }

        if (errors.Count == 0 && !AnyProviderConfigured)
        {
            // Not one option's fault: it belongs to the options as a whole.
            errors.Add(new(
                nameof(CdrClientOptions),
                "no provider is configured: set the credentials of at least one provider (" + OptionRules.Alternatives(CdrProviders.All.Select(m => m.ConfigurationHint).ToList()) + ")."));
        }

        return errors;
    }

    internal bool AnyProviderConfigured => CdrProviders.All.Any(m => m.IsConfigured(this));

    /// <summary>Throws a <see cref="CdrValidationException"/> listing every broken rule, if any.</summary>
    internal void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new CdrValidationException(errors);
        }
    }
}
