namespace CdrSdk.Core.Http;

/// <summary>
/// Base of every provider's authentication handler. Credentials are attached only to requests whose origin
/// (scheme, host, port) is the provider's configured base address; anything else (a report download, a
/// redirect target) leaves without them, and credential headers a caller may have added are removed.
/// </summary>
internal abstract class CredentialHandler : DelegatingHandler
{
    private readonly Uri _origin;

    protected CredentialHandler(Uri baseAddress)
    {
        _origin = new Uri(baseAddress.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>The header names this handler owns (removed from requests to other origins).</summary>
    protected abstract IReadOnlyList<string> CredentialHeaders { get; }

    protected sealed override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is null || !IsSameOrigin(request.RequestUri))
        {
            foreach (var header in CredentialHeaders)
            {
                request.Headers.Remove(header);
            }

            return base.SendAsync(request, cancellationToken);
        }

        return SendAuthenticatedAsync(request, cancellationToken);
    }

    /// <summary>Attaches the credentials to a request for the provider's own origin and sends it (token-based handlers also renew on 401).</summary>
    protected abstract Task<HttpResponseMessage> SendAuthenticatedAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>Sends the request to the next handler without touching credentials.</summary>
    protected Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private bool IsSameOrigin(Uri uri) =>
        uri.IsAbsoluteUri
        && string.Equals(uri.Scheme, _origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, _origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == _origin.Port;
}
