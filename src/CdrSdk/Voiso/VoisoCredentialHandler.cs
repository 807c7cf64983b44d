using System.Net.Http.Headers;
using CdrSdk.Core.Http;

namespace CdrSdk.Voiso;

/// <summary>Voiso authentication: <c>Authorization: Bearer &lt;scoped API key&gt;</c>.</summary>
internal sealed class VoisoCredentialHandler : CredentialHandler
{
    private static readonly string[] Headers = ["Authorization"];
    private readonly string _apiKey;

    public VoisoCredentialHandler(VoisoOptions options)
        : base(options.EffectiveBaseAddress!)
    {
        _apiKey = options.ApiKey!;
    }

    protected override IReadOnlyList<string> CredentialHeaders => Headers;

    protected override Task<HttpResponseMessage> SendAuthenticatedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        return SendInnerAsync(request, cancellationToken);
    }
}
