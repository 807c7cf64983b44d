using System.IO.Hashing;
using System.Text;
using CdrSdk.Telnyx;

namespace CdrSdk.Sync;

/// <summary>The SDK client options of one configured source, with its credentials checked for presence.</summary>
internal static class SourceClientOptions
{
    /// <exception cref="CdrSyncException">A required address or credential is missing.</exception>
    public static CdrClientOptions For(CdrProvider provider, CdrSyncSourceOptions source, ResolvedCredentials c, string where)
    {
        var options = new CdrClientOptions();
        if (source.Resilience is { } resilience)
        {
            options.Resilience = resilience;
        }

        var name = SourceFactory.Word(provider);
        switch (provider)
        {
            case CdrProvider.Telnyx:
                Require(c.ApiKey, where, name, "Credentials:ApiKey (the API key, or the v1 token), for example \"env:TELNYX_API_KEY\"");
                options.Telnyx.BaseAddress = source.BaseAddress;
                options.Telnyx.ApiKey = c.ApiKey;
                options.Telnyx.ApiUser = c.ApiUser;
                options.Telnyx.ApiVersion = source.ApiVersion?.Trim().ToUpperInvariant() switch
                {
                    null or "" or "V1" or "1" => TelnyxApiVersion.V1,
                    "V2" or "2" => TelnyxApiVersion.V2,
                    _ => throw SourceFactory.Fail($"{where}: ApiVersion must be V1 or V2, but was '{source.ApiVersion}'."),
                };
                break;
            case CdrProvider.Voiso:
                Require(c.ApiKey, where, name, "Credentials:ApiKey, for example \"env:VOISO_API_KEY\"");
                if (source.BaseAddress is null && string.IsNullOrWhiteSpace(source.Cluster))
                {
                    throw SourceFactory.Fail($"{where}: voiso needs Cluster (https://{{cluster}}.voiso.com) or BaseAddress.");
                }

                options.Voiso.BaseAddress = source.BaseAddress;
                options.Voiso.ApiKey = c.ApiKey;
                options.Voiso.ClusterId = source.Cluster;
                break;
            case CdrProvider.Tsg:
                if (c.ApiKey is null && (c.Email is null || c.Password is null))
                {
                    throw SourceFactory.Fail($"{where}: tsg needs Credentials:ApiKey (a token) or Credentials:Email with Credentials:Password, for example \"env:TSG_PASSWORD\".");
                }

                options.Tsg.BaseAddress = source.BaseAddress;
                options.Tsg.Token = c.ApiKey;
                options.Tsg.Email = c.Email;
                options.Tsg.Password = c.Password;
                break;
            default:
                if (source.BaseAddress is null)
                {
                    throw SourceFactory.Fail($"{where}: kazoo needs BaseAddress, for example https://kazoo.example.com:8443/v2.");
                }

                if (c.ApiKey is null && c.AuthToken is null && (c.Username is null || c.Password is null))
                {
                    throw SourceFactory.Fail($"{where}: kazoo needs Credentials:ApiKey, Credentials:AuthToken, or Credentials:Username with Credentials:Password (and AccountName).");
                }

                options.Kazoo.BaseAddress = source.BaseAddress;
                options.Kazoo.ApiKey = c.ApiKey;
                options.Kazoo.AuthToken = c.AuthToken;
                options.Kazoo.Username = c.Username;
                options.Kazoo.Password = c.Password;
                options.Kazoo.AccountName = c.AccountName;
                break;
        }

        return options;
    }

    /// <summary>Which sources may share a client: same provider, address and credentials (hashed; the key never leaves memory).</summary>
    public static string Key(CdrProvider provider, CdrClientOptions o)
    {
        var text = provider switch
        {
            CdrProvider.Telnyx => string.Join('\u001f', o.Telnyx.BaseAddress, o.Telnyx.ApiVersion, o.Telnyx.ApiKey, o.Telnyx.ApiUser),
            CdrProvider.Voiso => string.Join('\u001f', o.Voiso.BaseAddress, o.Voiso.ClusterId, o.Voiso.ApiKey),
            CdrProvider.Tsg => string.Join('\u001f', o.Tsg.BaseAddress, o.Tsg.Token, o.Tsg.Email, o.Tsg.Password),
            _ => string.Join('\u001f', o.Kazoo.BaseAddress, o.Kazoo.ApiKey, o.Kazoo.AuthToken, o.Kazoo.Username, o.Kazoo.Password, o.Kazoo.AccountName),
        };
        return $"{provider}:{XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text)):x16}";
    }

    private static void Require(string? value, string where, string provider, string what)
    {
        if (value is null)
        {
            throw SourceFactory.Fail($"{where}: {provider} needs {what}.");
        }
    }
}
