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

    /// <summary>Attaches the credentials and sends; token-based handlers override this to renew on 401.</summary>
    protected virtual async Task<HttpResponseMessage> SendAuthenticatedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await ApplyCredentialsAsync(request, forceRenewal: false, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the request to the next handler without touching credentials.</summary>
    protected Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>Sets the credential headers on a request to the provider's own origin.</summary>
    protected abstract ValueTask ApplyCredentialsAsync(HttpRequestMessage request, bool forceRenewal, CancellationToken cancellationToken);

    private bool IsSameOrigin(Uri uri) =>
        uri.IsAbsoluteUri
        && string.Equals(uri.Scheme, _origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, _origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == _origin.Port;
}
