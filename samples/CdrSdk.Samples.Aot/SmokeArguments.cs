using System.Globalization;

namespace CdrSdk.Samples.Aot;

/// <summary>The smoke test's arguments: <c>--name value</c> pairs, checked with a message naming the argument.</summary>
internal sealed record SmokeArguments(string Provider, Uri BaseUrl, string ApiKey, string? ApiUser, string? AccountId, DateTimeOffset Since, DateTimeOffset Until)
{
    public const string Usage =
        "usage: CdrSdk.Samples.Aot --provider telnyx|voiso|tsg|kazoo --base-url URL --api-key KEY [--api-user EMAIL] [--account-id ID] --from TIME --to TIME";

    /// <exception cref="ArgumentException">An argument is missing, unknown or malformed.</exception>
    public static SmokeArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected --name value pairs, but got '{args[i]}'.", nameof(args));
            }

            values[args[i]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required.", nameof(args));
        var provider = Required("--provider");
        if (provider is not ("telnyx" or "voiso" or "tsg" or "kazoo"))
        {
            throw new ArgumentException($"--provider must be telnyx, voiso, tsg or kazoo, but was '{provider}'.", nameof(args));
        }

        var account = values.GetValueOrDefault("--account-id");
        if (provider == "kazoo" && account is null)
        {
            throw new ArgumentException("--account-id is required for kazoo.", nameof(args));
        }

        return new SmokeArguments(
            provider,
            Uri.TryCreate(Required("--base-url"), UriKind.Absolute, out var url) ? url : throw new ArgumentException("--base-url must be an absolute address.", nameof(args)),
            Required("--api-key"),
            values.GetValueOrDefault("--api-user"),
            account,
            Time(Required("--from"), "--from"),
            Time(Required("--to"), "--to"));
    }

    public CdrClientOptions ToOptions()
    {
        var options = new CdrClientOptions();
        switch (Provider)
        {
            case "telnyx":
                options.Telnyx.BaseAddress = BaseUrl;
                options.Telnyx.ApiKey = ApiKey;
                options.Telnyx.ApiUser = ApiUser;
                options.Telnyx.Polling.InitialInterval = TimeSpan.FromMilliseconds(200);
                break;
            case "voiso":
                options.Voiso.BaseAddress = BaseUrl;
                options.Voiso.ApiKey = ApiKey;
                break;
            case "tsg":
                options.Tsg.BaseAddress = BaseUrl;
                options.Tsg.Token = ApiKey;
                break;
            default:
                options.Kazoo.BaseAddress = BaseUrl;
                options.Kazoo.AuthToken = ApiKey;
                break;
        }

        return options;
    }

    private static DateTimeOffset Time(string text, string name) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new ArgumentException($"{name} must be a date or time such as 2026-10-01T00:00:00Z, but was '{text}'.", name);
}
