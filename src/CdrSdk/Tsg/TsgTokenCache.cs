using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CdrSdk.Core.Http;
using CdrSdk.Core.Json;
using CdrSdk.Tsg.Api;

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

    protected override Uri BaseAddress => _options.EffectiveBaseAddress;

    protected override string TokenProperty => "token";

    protected override JsonTypeInfo<JsonEnvelope<JsonElement>> EnvelopeType => TsgJsonContext.Wire.JsonEnvelopeJsonElement;

    protected override Task<HttpResponseMessage> SendLoginAsync(HttpClient client, string login, CancellationToken cancellationToken) =>
        RefitClients.Create<ITsgApi>(client, TsgApiSettings.Value)
            .LoginAsync(new TsgLoginRequest { Email = _options.Email!, Password = _options.Password! }, login, cancellationToken);
}
