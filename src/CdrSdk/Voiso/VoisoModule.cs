using CdrSdk.Core.Http;

namespace CdrSdk.Voiso;

/// <summary>Voiso contact center: <c>CdrClientOptions.Voiso</c>, a bearer key, request id in <c>x-request-id</c> (Rails).</summary>
internal sealed class VoisoModule : CdrProviderModule<VoisoOptions, IVoisoClient>
{
    public override CdrProvider Provider => CdrProvider.Voiso;

    public override string ConfigurationHint => "Voiso.ApiKey with Voiso.ClusterId";

    public override VoisoOptions? Section(CdrClientOptions options) => options.Voiso;

    protected override IEnumerable<string?> Secrets(VoisoOptions section) => [section.ApiKey];

    protected override DelegatingHandler CreateCredentialHandler(VoisoOptions section, HttpInfrastructure http) => new VoisoCredentialHandler(section);

    protected override object CreateClient(VoisoOptions section, ClientRuntime runtime) => new VoisoClient(runtime);
}
