using System.Net.Http.Headers;
using CdrSdk.Core.Http;

namespace CdrSdk.Tsg;

/// <summary>
/// TSG Global: <c>CdrClientOptions.Tsg</c>, a bearer token (static, or from <c>POST /account/login</c>, renewed on
/// 401 and on a GraphQL <c>UNAUTHENTICATED</c> error), request id in <c>x-request-id</c>.
/// </summary>
internal sealed class TsgModule : CdrProviderModule<TsgOptions, ITsgClient>
{
    private static readonly string[] Headers = ["Authorization"];

    public override CdrProvider Provider => CdrProvider.Tsg;

    public override string DisplayName => "TSG";

    public override string ConfigurationHint => "Tsg.Token or Tsg.Email/Password";

    public override TsgOptions? Section(CdrClientOptions options) => options.Tsg;

    protected override IEnumerable<string?> Secrets(TsgOptions section) => [section.Token, section.Password];

    protected override DelegatingHandler CreateCredentialHandler(TsgOptions section, HttpInfrastructure http)
    {
        var staticToken = string.IsNullOrWhiteSpace(section.Token) ? null : section.Token;
        return new TokenCredentialHandler(
            section.EffectiveBaseAddress,
            Headers,
            static (request, token) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token),
            staticToken,
            staticToken is null ? http.State(Provider, () => new TsgTokenCache(section, http.Secrets, http.TimeProvider)) : null,
            TsgTokenRejection.IsRejectedAsync);
    }

    protected override object CreateClient(TsgOptions section, ClientRuntime runtime) => new TsgClient(runtime);
}
