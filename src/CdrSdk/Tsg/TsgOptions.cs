namespace CdrSdk.Tsg;

/// <summary>
/// Connection settings for the TSG Global GraphQL API. Authenticate with a ready <see cref="Token"/>, or with
/// <see cref="Email"/> and <see cref="Password"/> (exchanged at <c>POST /account/login</c> for a token the SDK
/// caches and renews).
/// </summary>
public sealed class TsgOptions : IProviderOptions
{
    /// <summary>The production address, <c>https://api.portal.tsgglobal.world</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.portal.tsgglobal.world");

    /// <summary>The API address; <see langword="null"/> means <see cref="DefaultBaseAddress"/>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>A ready token, sent as <c>Authorization: Bearer</c> and never renewed. Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>The account email for <c>/account/login</c>.</summary>
    public string? Email { get; set; }

    /// <summary>The account password for <c>/account/login</c>. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>How long a token from <c>/account/login</c> is trusted. 1 minute to 30 days; default 7 days (TSG's token lifetime).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Renew a token this long before it expires. 0 to half of <see cref="TokenLifetime"/>; default 1 hour.</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The longest time window one CSV export covers; longer exports are split into slices streamed as one file,
    /// so each stays well below TSG's 20-minute export timeout. 1 minute to 31 days; default 1 day.
    /// </summary>
    public TimeSpan ExportSliceSize { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Resilience settings for TSG only; <see langword="null"/> uses <see cref="CdrClientOptions.Resilience"/>.</summary>
    public CdrResilienceOptions? Resilience { get; set; }

    /// <summary><see langword="true"/> when a token or login credentials are set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Token) || !string.IsNullOrWhiteSpace(Email);

    /// <summary>The address used: <see cref="BaseAddress"/> or <see cref="DefaultBaseAddress"/>.</summary>
    public Uri EffectiveBaseAddress => BaseAddress ?? DefaultBaseAddress;

    /// <summary>Describes the settings with every secret redacted.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() =>
        $"Tsg {{ BaseAddress = {EffectiveBaseAddress}, Token = {Redaction.Mask(Token)}, Email = {(string.IsNullOrEmpty(Email) ? "(none)" : "(set)")}, Password = {Redaction.Mask(Password)} }}";

    void IProviderOptions.Validate(string prefix, List<CdrValidationError> errors) => Validate(prefix, errors);

    internal void Validate(string prefix, List<CdrValidationError> errors)
    {
        var hasToken = !string.IsNullOrWhiteSpace(Token);
        var hasLogin = !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(Password);
        var touched = hasToken || hasLogin || BaseAddress is not null || Resilience is not null;
        if (!touched)
        {
            return;
        }

        if (!hasToken && !hasLogin)
        {
            errors.Add(new(prefix + nameof(Token), "a way to authenticate is required: set Token, or Email + Password."));
        }
        else if (hasToken && hasLogin)
        {
            errors.Add(new(prefix + nameof(Token), "set either Token or Email + Password, not both."));
        }
        else if (hasLogin && (string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(Password)))
        {
            errors.Add(new(prefix + (string.IsNullOrWhiteSpace(Email) ? nameof(Email) : nameof(Password)), "is required: login needs both Email and Password."));
        }

        OptionRules.AbsoluteHttpUri(errors, prefix + nameof(BaseAddress), BaseAddress, required: false);
        OptionRules.InRange(errors, prefix + nameof(TokenLifetime), TokenLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30));
        OptionRules.InRange(errors, prefix + nameof(TokenRenewalMargin), TokenRenewalMargin, TimeSpan.Zero, TokenLifetime / 2);
        OptionRules.InRange(errors, prefix + nameof(ExportSliceSize), ExportSliceSize, TimeSpan.FromMinutes(1), TimeSpan.FromDays(31));
        Resilience?.Validate(prefix + nameof(Resilience) + ".", errors);
    }
}
