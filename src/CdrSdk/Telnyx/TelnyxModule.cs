using CdrSdk.Core.Http;

namespace CdrSdk.Telnyx;

/// <summary>Telnyx reporting: <c>CdrClientOptions.Telnyx</c>, API key headers, request id in <c>x-request-id</c>.</summary>
internal sealed class TelnyxModule : CdrProviderModule<TelnyxOptions, ITelnyxClient>
{
    public override CdrProvider Provider => CdrProvider.Telnyx;

    public override string ConfigurationHint => "Telnyx.ApiKey";

    public override TelnyxOptions? Section(CdrClientOptions options) => options.Telnyx;

    protected override IEnumerable<string?> Secrets(TelnyxOptions section) => [section.ApiKey, section.ApiUser];

    protected override DelegatingHandler CreateCredentialHandler(TelnyxOptions section, HttpInfrastructure http) => new TelnyxCredentialHandler(section);

    protected override object CreateClient(TelnyxOptions section, ClientRuntime runtime) => new TelnyxClient(runtime);
}
