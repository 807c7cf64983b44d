using CdrSdk.Core.Http;

namespace CdrSdk.Kazoo;

/// <summary>
/// Kazoo crossbar: <c>CdrClientOptions.Kazoo</c>, <c>X-Auth-Token</c> (static, or from <c>api_auth</c> /
/// <c>user_auth</c>, renewed on 401), request id in <c>x-request-id</c> or the envelope's <c>request_id</c>.
/// </summary>
internal sealed class KazooModule : CdrProviderModule<KazooOptions, IKazooClient>
{
    private const string TokenHeader = "X-Auth-Token";
    private static readonly string[] Headers = [TokenHeader];

    public override CdrProvider Provider => CdrProvider.Kazoo;

    public override string ConfigurationHint => "Kazoo.BaseAddress with Kazoo.AuthToken, ApiKey or Username/Password";

    public override KazooOptions? Section(CdrClientOptions options) => options.Kazoo;

    protected override IEnumerable<string?> Secrets(KazooOptions section) => [section.AuthToken, section.ApiKey, section.Password];

    protected override DelegatingHandler CreateCredentialHandler(KazooOptions section, HttpInfrastructure http)
    {
        var staticToken = section.AuthMethod == KazooAuthMethod.StaticToken ? section.AuthToken : null;
        return new TokenCredentialHandler(
            section.BaseAddress!,
            Headers,
            static (request, token) =>
            {
                request.Headers.Remove(TokenHeader);
                request.Headers.TryAddWithoutValidation(TokenHeader, token);
            },
            staticToken,
            staticToken is null ? http.State(Provider, () => new KazooTokenCache(section, http.Secrets, http.TimeProvider)) : null,
            TokenCredentialHandler.IsUnauthorizedAsync);
    }

    protected override object CreateClient(KazooOptions section, ClientRuntime runtime) => new KazooClient(runtime);
}
