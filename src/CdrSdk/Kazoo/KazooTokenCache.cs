using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CdrSdk.Core.Http;
using CdrSdk.Core.Json;
using CdrSdk.Kazoo.Api;

namespace CdrSdk.Kazoo;

/// <summary>The Kazoo token from an API key (<c>PUT /api_auth</c>) or user credentials (<c>PUT /user_auth</c>).</summary>
internal sealed class KazooTokenCache : TokenCache
{
    private readonly KazooOptions _options;

    public KazooTokenCache(KazooOptions options, SecretRegistry secrets, TimeProvider time)
        : base(secrets, time, options.TokenLifetime, options.TokenRenewalMargin)
    {
        _options = options;
        if (options.AuthMethod == KazooAuthMethod.UserCredentials)
        {
            secrets.Add(CredentialsHash(options.Username!, options.Password!));
        }
    }

    protected override CdrProvider Provider => CdrProvider.Kazoo;

    protected override string LoginDescription => _options.AuthMethod == KazooAuthMethod.ApiKey ? "PUT /api_auth" : "PUT /user_auth";

    /// <summary>Kazoo's user credentials: the lower-case hex MD5 of <c>user:password</c> (mandated by the protocol).</summary>
    internal static string CredentialsHash(string user, string password)
    {
#pragma warning disable CA5351 // Kazoo's user_auth protocol defines the credentials as an MD5 digest.
        var digest = MD5.HashData(Encoding.UTF8.GetBytes(user + ":" + password));
#pragma warning restore CA5351
        return string.Create(digest.Length * 2, digest, static (chars, bytes) =>
        {
            const string Hex = "0123456789abcdef";
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = Hex[bytes[i] >> 4];
                chars[(2 * i) + 1] = Hex[bytes[i] & 0xF];
            }
        });
    }

    protected override Uri BaseAddress => _options.BaseAddress!;

    protected override string TokenProperty => "auth_token";

    protected override JsonTypeInfo<JsonEnvelope<JsonElement>> EnvelopeType => KazooJsonContext.Wire.JsonEnvelopeJsonElement;

    protected override Task<HttpResponseMessage> SendLoginAsync(HttpClient client, string login, CancellationToken cancellationToken)
    {
        var api = RefitClients.Create<IKazooApi>(client, KazooApiSettings.Value);
        return _options.AuthMethod == KazooAuthMethod.ApiKey
            ? api.ApiAuthAsync(new KazooApiAuthRequest { Data = new KazooApiAuthData { ApiKey = _options.ApiKey! } }, login, cancellationToken)
            : api.UserAuthAsync(
                new KazooUserAuthRequest { Data = new KazooUserAuthData { Credentials = CredentialsHash(_options.Username!, _options.Password!), AccountName = _options.AccountName! } },
                login,
                cancellationToken);
    }
}
