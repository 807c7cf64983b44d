using System.Net;

namespace CdrSdk.Core.Http;

/// <summary>
/// Authentication with a token: a static one, or one from a <see cref="TokenCache"/> that is renewed once when
/// the server rejects it (a 401, or what the provider's <c>isRejected</c> recognises, such as TSG's GraphQL
/// <c>UNAUTHENTICATED</c> error with HTTP 200); then the request is sent again with the new token.
/// </summary>
internal sealed class TokenCredentialHandler : CredentialHandler
{
    private readonly string[] _headers;
    private readonly Action<HttpRequestMessage, string> _apply;
    private readonly string? _staticToken;
    private readonly TokenCache? _cache;
    private readonly Func<HttpResponseMessage, CancellationToken, Task<bool>> _isRejected;

    /// <param name="baseAddress">The provider's address; only its origin gets the token.</param>
    /// <param name="headers">The headers the token travels in (removed from requests to other origins).</param>
    /// <param name="apply">Sets the token on a request.</param>
    /// <param name="staticToken">A fixed token, or null to use <paramref name="cache"/>.</param>
    /// <param name="cache">The login cache, when there is no static token.</param>
    /// <param name="isRejected">Whether a response says the token was refused (it may buffer a small body to tell).</param>
    public TokenCredentialHandler(
        Uri baseAddress, string[] headers, Action<HttpRequestMessage, string> apply, string? staticToken, TokenCache? cache,
        Func<HttpResponseMessage, CancellationToken, Task<bool>> isRejected)
        : base(baseAddress)
    {
        _isRejected = isRejected;
        _headers = headers;
        _apply = apply;
        _staticToken = staticToken;
        _cache = staticToken is null ? cache ?? throw new ArgumentNullException(nameof(cache)) : null;
    }

    protected override IReadOnlyList<string> CredentialHeaders => _headers;

    /// <summary>The usual rejection: HTTP 401.</summary>
    public static Task<bool> IsUnauthorizedAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        Task.FromResult(response.StatusCode == HttpStatusCode.Unauthorized);

    protected override async Task<HttpResponseMessage> SendAuthenticatedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_cache is null)
        {
            _apply(request, _staticToken!);
            return await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var (token, failure) = await _cache.GetAsync(SendInnerAsync, null, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        _apply(request, token!);
        var response = await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
        if (!await _isRejected(response, cancellationToken).ConfigureAwait(false))
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

        _apply(request, token!);
        return await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
