using CdrSdk.Telnyx;

namespace CdrSdk.Tool.Export;

/// <summary>
/// Builds the SDK options of an export from, in rising order of precedence: the <c>--config</c> JSON file (the
/// <see cref="CdrClientOptions"/> shape, at the root or under <c>"Cdr"</c>), the provider's environment
/// variables, and the command line. Only the chosen provider (and the shared resilience settings) is taken from
/// the file, so one file can hold every provider.
/// </summary>
internal static class ClientOptionsBuilder
{
    public static CdrClientOptions Build(ExportSettings settings, ProviderEnvironment environment)
    {
        var options = FromFile(settings);
        switch (settings.Provider)
        {
            case CdrProvider.Telnyx:
                ApplyTelnyx(options, settings, environment);
                break;
            case CdrProvider.Voiso:
                ApplyVoiso(options, settings, environment);
                break;
            case CdrProvider.Tsg:
                ApplyTsg(options, settings, environment);
                break;
            default:
                ApplyKazoo(options, settings, environment);
                break;
        }

        return options;
    }

    /// <summary>Whether any address or credential of the provider is set (when none is, the emulator is used).</summary>
    public static bool IsProviderGiven(CdrClientOptions options, CdrProvider provider) => provider switch
    {
        CdrProvider.Telnyx => AnySet(options.Telnyx.BaseAddress, options.Telnyx.ApiKey, options.Telnyx.ApiUser),
        CdrProvider.Voiso => AnySet(options.Voiso.BaseAddress, options.Voiso.ApiKey, options.Voiso.ClusterId),
        CdrProvider.Tsg => AnySet(options.Tsg.BaseAddress, options.Tsg.Token, options.Tsg.Email, options.Tsg.Password),
        _ => AnySet(options.Kazoo.BaseAddress, options.Kazoo.AuthToken, options.Kazoo.ApiKey, options.Kazoo.Username, options.Kazoo.Password, options.Kazoo.AccountName),
    };

    private static bool AnySet(Uri? address, params string?[] values) =>
        address is not null || values.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The chosen provider's and the shared settings of the <c>--config</c> file; one file may hold every provider, complete or not.</summary>
    /// <exception cref="ExportException">The file is missing, not JSON, or has a setting that is misspelled or of the wrong type.</exception>
    private static CdrClientOptions FromFile(ExportSettings settings)
    {
        var options = new CdrClientOptions();
        if (settings.ConfigFile is not { } file)
        {
            return options;
        }

        var all = ConfigFile.Read(file);
        options.Resilience = all.Resilience;
        switch (settings.Provider)
        {
            case CdrProvider.Telnyx:
                options.Telnyx = all.Telnyx;
                break;
            case CdrProvider.Voiso:
                options.Voiso = all.Voiso;
                break;
            case CdrProvider.Tsg:
                options.Tsg = all.Tsg;
                break;
            default:
                options.Kazoo = all.Kazoo;
                break;
        }

        return options;
    }

    private static void ApplyTelnyx(CdrClientOptions options, ExportSettings settings, ProviderEnvironment environment)
    {
        var telnyx = options.Telnyx;
        var c = settings.Credentials;
        telnyx.BaseAddress = settings.BaseUrl ?? environment.GetUrl("TELNYX_BASE_URL") ?? telnyx.BaseAddress;
        telnyx.ApiKey = c.ApiKey ?? environment.Get("TELNYX_API_KEY") ?? telnyx.ApiKey;
        telnyx.ApiUser = c.ApiUser ?? environment.Get("TELNYX_API_USER") ?? telnyx.ApiUser;
        if ((c.ApiVersion ?? environment.Get("TELNYX_API_VERSION")) is { } version)
        {
            telnyx.ApiVersion = ParseVersion(version);
        }
    }

    private static void ApplyVoiso(CdrClientOptions options, ExportSettings settings, ProviderEnvironment environment)
    {
        var voiso = options.Voiso;
        var c = settings.Credentials;
        voiso.BaseAddress = settings.BaseUrl ?? environment.GetUrl("VOISO_BASE_URL") ?? voiso.BaseAddress;
        voiso.ApiKey = c.ApiKey ?? environment.Get("VOISO_API_KEY") ?? voiso.ApiKey;
        voiso.ClusterId = c.Cluster ?? environment.Get("VOISO_CLUSTER") ?? voiso.ClusterId;
    }

    private static void ApplyTsg(CdrClientOptions options, ExportSettings settings, ProviderEnvironment environment)
    {
        var tsg = options.Tsg;
        var c = settings.Credentials;
        tsg.BaseAddress = settings.BaseUrl ?? environment.GetUrl("TSG_BASE_URL") ?? tsg.BaseAddress;
        tsg.Token = c.ApiKey ?? environment.Get("TSG_API_KEY") ?? tsg.Token;
        tsg.Email = c.Email ?? environment.Get("TSG_EMAIL") ?? tsg.Email;
        tsg.Password = c.Password ?? environment.Get("TSG_PASSWORD") ?? tsg.Password;
    }

    private static void ApplyKazoo(CdrClientOptions options, ExportSettings settings, ProviderEnvironment environment)
    {
        var kazoo = options.Kazoo;
        var c = settings.Credentials;
        kazoo.BaseAddress = settings.BaseUrl ?? environment.GetUrl("KAZOO_BASE_URL") ?? kazoo.BaseAddress;
        kazoo.AuthToken = c.AuthToken ?? environment.Get("KAZOO_AUTH_TOKEN") ?? kazoo.AuthToken;
        kazoo.ApiKey = c.ApiKey ?? environment.Get("KAZOO_API_KEY") ?? kazoo.ApiKey;
        kazoo.Username = c.Username ?? environment.Get("KAZOO_USERNAME") ?? kazoo.Username;
        kazoo.Password = c.Password ?? environment.Get("KAZOO_PASSWORD") ?? kazoo.Password;
        kazoo.AccountName = c.AccountName ?? environment.Get("KAZOO_ACCOUNT_NAME") ?? kazoo.AccountName;
    }

    private static TelnyxApiVersion ParseVersion(string text) => text.Trim().ToUpperInvariant() switch
    {
        "V1" or "1" => TelnyxApiVersion.V1,
        "V2" or "2" => TelnyxApiVersion.V2,
        _ => throw new ExportException($"--api-version (or TELNYX_API_VERSION) must be V1 or V2, but was '{text}'."),
    };
}
