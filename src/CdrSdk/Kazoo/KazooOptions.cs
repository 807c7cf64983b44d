namespace CdrSdk.Kazoo;

/// <summary>
/// Connection settings for a Kazoo crossbar API (IP Telecom, 2600Hz and other Kazoo platforms). Set
/// <see cref="BaseAddress"/> and exactly one way to authenticate: a static <see cref="AuthToken"/>, an
/// <see cref="ApiKey"/>, or <see cref="Username"/> + <see cref="Password"/> + <see cref="AccountName"/>.
/// </summary>
public sealed class KazooOptions : IProviderOptions
{
    /// <summary>The server maximum of one listing's range: 2,682,000 s (31 days + 1 hour).</summary>
    public static readonly TimeSpan DefaultMaxRangePerRequest = TimeSpan.FromSeconds(2_682_000);

    /// <summary>The API address including the version segment, for example <c>https://kazoo.example.com:8443/v2</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>A token to send as <c>X-Auth-Token</c> as is (never renewed). Never logged.</summary>
    public string? AuthToken { get; set; }

    /// <summary>An account API key: the SDK exchanges it at <c>PUT /api_auth</c> for a token, caches and renews it. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A user name: with <see cref="Password"/> and <see cref="AccountName"/>, exchanged at <c>PUT /user_auth</c> (as <c>md5(user:password)</c>).</summary>
    public string? Username { get; set; }

    /// <summary>The user's password; only its MD5 with the user name is sent. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The account name the user belongs to (<c>account_name</c> of <c>user_auth</c>).</summary>
    public string? AccountName { get; set; }

    /// <summary>How long a token from <c>api_auth</c>/<c>user_auth</c> is trusted when it carries no expiry. 1 minute to 1 day; default 1 hour (Kazoo's default).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Renew a token this long before it expires. 0 to half of <see cref="TokenLifetime"/>; default 5 minutes.</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest range one request may ask for; longer ranges are split. 1 hour to 366 days; default <see cref="DefaultMaxRangePerRequest"/>.</summary>
    public TimeSpan MaxRangePerRequest { get; set; } = DefaultMaxRangePerRequest;

    /// <summary>Resilience settings for Kazoo only; <see langword="null"/> uses <see cref="CdrClientOptions.Resilience"/>.</summary>
    public CdrResilienceOptions? Resilience { get; set; }

    /// <inheritdoc />
    Uri? IProviderOptions.EffectiveBaseAddress => BaseAddress;

    /// <summary><see langword="true"/> when a base address and a way to authenticate are set.</summary>
    public bool IsConfigured => BaseAddress is not null && (HasText(AuthToken) || HasText(ApiKey) || HasText(Username));

    internal KazooAuthMethod AuthMethod =>
        HasText(AuthToken) ? KazooAuthMethod.StaticToken
        : HasText(ApiKey) ? KazooAuthMethod.ApiKey
        : HasText(Username) ? KazooAuthMethod.UserCredentials
        : KazooAuthMethod.None;

    /// <summary>Describes the settings with every secret redacted.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() =>
        $"Kazoo {{ BaseAddress = {BaseAddress?.ToString() ?? "(none)"}, Auth = {AuthMethod}, AuthToken = {Redaction.Mask(AuthToken)}, ApiKey = {Redaction.Mask(ApiKey)}, Password = {Redaction.Mask(Password)} }}";

    void IProviderOptions.Validate(string prefix, List<CdrValidationError> errors) => Validate(prefix, errors);

    internal void Validate(string prefix, List<CdrValidationError> errors)
    {
        var methods = (HasText(AuthToken) ? 1 : 0) + (HasText(ApiKey) ? 1 : 0) + (HasText(Username) || HasText(Password) ? 1 : 0);
        var touched = BaseAddress is not null || methods > 0 || HasText(AccountName) || Resilience is not null;
        if (!touched)
        {
            return;
        }

        OptionRules.AbsoluteHttpUri(errors, prefix + nameof(BaseAddress), BaseAddress, required: true);
        if (methods == 0)
        {
            errors.Add(new(prefix + nameof(AuthToken), "a way to authenticate is required: set AuthToken, or ApiKey, or Username + Password + AccountName."));
        }
        else if (methods > 1)
        {
            errors.Add(new(prefix + nameof(AuthToken), "set exactly one way to authenticate: AuthToken, ApiKey, or Username + Password + AccountName (several are set)."));
        }

        if (HasText(Username) || HasText(Password))
        {
            if (!HasText(Username))
            {
                errors.Add(new(prefix + nameof(Username), "is required with Password."));
            }

            if (!HasText(Password))
            {
                errors.Add(new(prefix + nameof(Password), "is required with Username."));
            }

            if (!HasText(AccountName))
            {
                errors.Add(new(prefix + nameof(AccountName), "is required with Username and Password (the account name of user_auth)."));
            }
        }

        OptionRules.InRange(errors, prefix + nameof(TokenLifetime), TokenLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        OptionRules.InRange(errors, prefix + nameof(TokenRenewalMargin), TokenRenewalMargin, TimeSpan.Zero, TokenLifetime / 2);
        OptionRules.InRange(errors, prefix + nameof(MaxRangePerRequest), MaxRangePerRequest, TimeSpan.FromHours(1), TimeSpan.FromDays(366));
        Resilience?.Validate(prefix + nameof(Resilience) + ".", errors);
    }

    private static bool HasText(string? value) => !string.IsNullOrWhiteSpace(value);
}
