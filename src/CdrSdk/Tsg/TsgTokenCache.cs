using System.Net.Http.Json;
using System.Text.Json;
using CdrSdk.Core.Http;
using CdrSdk.Tsg.Wire;

namespace CdrSdk.Tsg;

/// <summary>The TSG token from <c>POST /account/login</c> with email and password (valid 7 days).</summary>
internal sealed class TsgTokenCache : TokenCache
{
    private readonly TsgOptions _options;

    public TsgTokenCache(TsgOptions options, SecretRegistry secrets, TimeProvider time)
        : base(secrets, time, options.TokenLifetime, options.TokenRenewalMargin)
    {
        _options = options;
    }

    protected override CdrProvider Provider => CdrProvider.Tsg;

    protected override string LoginDescription => "POST /account/login";

    protected override HttpRequestMessage CreateLoginRequest()
    {
        var uri = new Uri(_options.EffectiveBaseAddress.AbsoluteUri.TrimEnd('/') + "/account/login");
        var content = JsonContent.Create(new TsgLoginRequest { Email = _options.Email!, Password = _options.Password! }, TsgJsonContext.Wire.TsgLoginRequest);
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return request;
    }

    protected override string? ReadToken(JsonElement root) =>
        root.TryGetProperty("token", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
