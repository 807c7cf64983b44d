using System.Net;
using CdrSdk.Core.Http;

namespace CdrSdk.Kazoo;

/// <summary>
/// Kazoo authentication: sends <c>X-Auth-Token</c> (static, or from the token cache) and, with an API key or
/// user credentials, renews the token once when the server answers 401.
/// </summary>
internal sealed class KazooCredentialHandler : CredentialHandler
{
    private const string HeaderName = "X-Auth-Token";
    private static readonly string[] Headers = [HeaderName];
    private readonly string? _staticToken;
    private readonly KazooTokenCache? _cache;

    public KazooCredentialHandler(KazooOptions options, KazooTokenCache? cache)
        : base(options.BaseAddress!)
    {
        _staticToken = options.AuthMethod == KazooAuthMethod.StaticToken ? options.AuthToken : null;
        _cache = _staticToken is null ? cache : null;
    }

    protected override IReadOnlyList<string> CredentialHeaders => Headers;

    protected override async Task<HttpResponseMessage> SendAuthenticatedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_cache is null)
        {
            Set(request, _staticToken!);
            return await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var (token, failure) = await _cache.GetAsync(SendInnerAsync, null, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        Set(request, token!);
        var response = await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // The token was rejected (expired early, revoked): renew once and try again.
        response.Dispose();
        (token, failure) = await _cache.GetAsync(SendInnerAsync, token, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        Set(request, token!);
        return await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Set(HttpRequestMessage request, string token)
    {
        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, token);
    }
}
