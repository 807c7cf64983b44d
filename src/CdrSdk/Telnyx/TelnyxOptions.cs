namespace CdrSdk.Telnyx;

/// <summary>Connection settings for the Telnyx reporting API.</summary>
public sealed class TelnyxOptions : IProviderOptions
{
    /// <summary>The v1 production address, <c>https://api.telnyx.com</c>.</summary>
    public static readonly Uri DefaultV1BaseAddress = new("https://api.telnyx.com");

    /// <summary>The v2 production address, <c>https://api.telnyx.com/v2</c>.</summary>
    public static readonly Uri DefaultV2BaseAddress = new("https://api.telnyx.com/v2");

    /// <summary>
    /// The API address. <see langword="null"/> (default) means <see cref="DefaultV1BaseAddress"/> for v1 and
    /// <see cref="DefaultV2BaseAddress"/> for v2. For v2 include the version segment (<c>.../v2</c>).
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The API generation to use. Default <see cref="TelnyxApiVersion.V1"/>, the one the reporting pages document.</summary>
    public TelnyxApiVersion ApiVersion { get; set; } = TelnyxApiVersion.V1;

    /// <summary>
    /// The secret. v1: the API token, sent as <c>x-api-token</c> (with <see cref="ApiUser"/>) or as
    /// <c>Authorization: Token</c> (without). v2: the API key, sent as <c>Authorization: Bearer</c>.
    /// Setting it enables the Telnyx client. Never logged or printed.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>v1 only: the account email or key id sent as <c>x-api-user</c>. Leave empty to use <c>Authorization: Token</c>.</summary>
    public string? ApiUser { get; set; }

    /// <summary>Resilience settings for Telnyx only; <see langword="null"/> uses <see cref="CdrClientOptions.Resilience"/>.</summary>
    public CdrResilienceOptions? Resilience { get; set; }

    /// <summary>How report operations poll for completion.</summary>
    public ReportPollingOptions Polling { get; set; } = new();

    /// <summary><see langword="true"/> when a key is set, so the Telnyx client can be used.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>The address used for requests: <see cref="BaseAddress"/> or the default for <see cref="ApiVersion"/>.</summary>
    public Uri EffectiveBaseAddress => BaseAddress ?? (ApiVersion == TelnyxApiVersion.V2 ? DefaultV2BaseAddress : DefaultV1BaseAddress);

    /// <summary>Describes the settings with the secret redacted.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() =>
        $"Telnyx {{ ApiVersion = {ApiVersion}, BaseAddress = {EffectiveBaseAddress}, ApiKey = {Redaction.Mask(ApiKey)}, ApiUser = {(string.IsNullOrEmpty(ApiUser) ? "(none)" : "(set)")} }}";

    void IProviderOptions.Validate(string prefix, List<CdrValidationError> errors) => Validate(prefix, errors);

    internal void Validate(string prefix, List<CdrValidationError> errors)
    {
        var touched = BaseAddress is not null || !string.IsNullOrEmpty(ApiUser) || Resilience is not null;
        if (!IsConfigured)
        {
            if (touched)
            {
                errors.Add(new(prefix + nameof(ApiKey), "is required when any other Telnyx setting is set: provide the Telnyx API key (v2) or API token (v1)."));
            }

            return;
        }

        if (ApiVersion is not (TelnyxApiVersion.V1 or TelnyxApiVersion.V2))
        {
            errors.Add(new(prefix + nameof(ApiVersion), $"must be V1 or V2, but was {(int)ApiVersion}."));
        }

        if (ApiVersion == TelnyxApiVersion.V2 && !string.IsNullOrEmpty(ApiUser))
        {
            errors.Add(new(prefix + nameof(ApiUser), "is used by API v1 only (x-api-user); v2 authenticates with the API key alone. Remove it or set ApiVersion = V1."));
        }

        OptionRules.AbsoluteHttpUri(errors, prefix + nameof(BaseAddress), BaseAddress, required: false);
        Resilience?.Validate(prefix + nameof(Resilience) + ".", errors);
        if (Polling is null)
        {
            errors.Add(new(prefix + nameof(Polling), "must not be null."));
        }
        else
        {
            Polling.Validate(prefix + nameof(Polling) + ".", errors);
        }
    }
}
