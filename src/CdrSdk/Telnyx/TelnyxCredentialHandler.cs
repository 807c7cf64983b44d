using System.Net.Http.Headers;
using CdrSdk.Core.Http;

namespace CdrSdk.Telnyx;

/// <summary>
/// Telnyx authentication. v1: <c>x-api-user</c> + <c>x-api-token</c>, or <c>Authorization: Token</c> when no
/// user is configured. v2: <c>Authorization: Bearer</c>.
/// </summary>
internal sealed class TelnyxCredentialHandler : CredentialHandler
{
    private static readonly string[] Headers = ["Authorization", "x-api-user", "x-api-token"];
    private readonly TelnyxApiVersion _version;
    private readonly string _apiKey;
    private readonly string? _apiUser;

    public TelnyxCredentialHandler(TelnyxOptions options)
        : base(options.EffectiveBaseAddress)
    {
        _version = options.ApiVersion;
        _apiKey = options.ApiKey ?? throw new InvalidOperationException("Telnyx.ApiKey is not set.");
        _apiUser = string.IsNullOrWhiteSpace(options.ApiUser) ? null : options.ApiUser;
    }

    protected override IReadOnlyList<string> CredentialHeaders => Headers;

    protected override Task<HttpResponseMessage> SendAuthenticatedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_version == TelnyxApiVersion.V2)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        }
        else if (_apiUser is not null)
        {
            request.Headers.Remove("x-api-user");
            request.Headers.Remove("x-api-token");
            request.Headers.TryAddWithoutValidation("x-api-user", _apiUser);
            request.Headers.TryAddWithoutValidation("x-api-token", _apiKey);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", _apiKey);
        }

        return SendInnerAsync(request, cancellationToken);
    }
}
