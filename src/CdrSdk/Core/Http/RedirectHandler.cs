using System.Net;

namespace CdrSdk.Core.Http;

/// <summary>
/// Follows redirects of API calls above the credential handler, so every hop is judged on its own: a redirect
/// within the provider's origin keeps the credentials, a redirect to any other host gets none (the credential
/// handler attaches them only to its origin and strips them elsewhere, custom headers included). A redirect from
/// https to http is refused. The socket handler below never follows redirects itself.
/// </summary>
internal sealed class RedirectHandler : DelegatingHandler
{
    /// <summary>Hops followed before giving up.</summary>
    public const int MaxRedirects = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = request;
        for (var hop = 0; ; hop++)
        {
            var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
            {
                return response;
            }

            var target = location.IsAbsoluteUri ? location : new Uri(current.RequestUri!, location);
            if (hop == MaxRedirects)
            {
                response.Dispose();
                throw new CdrTransportException($"More than {MaxRedirects} redirects, the last to {target.GetLeftPart(UriPartial.Path)}.")
                {
                    Failure = CdrTransportFailure.InvalidResponse,
                };
            }

            if (current.RequestUri!.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps)
            {
                response.Dispose();
                throw new CdrTransportException($"A redirect from https to '{target.Scheme}' ({target.Host}) was refused: it would leave the encrypted connection.")
                {
                    Failure = CdrTransportFailure.InvalidResponse,
                };
            }

            var next = Follow(current, target, response.StatusCode);
            response.Dispose();
            if (!ReferenceEquals(current, request))
            {
                current.Dispose();
            }

            current = next;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>
    /// The request for the next hop: 307 and 308 keep the method and body, 303 (and 301/302 after a POST, as
    /// browsers do) become a GET without a body. Only content-negotiation headers travel; credentials are added
    /// again below, and only for the provider's origin.
    /// </summary>
    private static HttpRequestMessage Follow(HttpRequestMessage previous, Uri target, HttpStatusCode status)
    {
        var keepMethod = status is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
            || (status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && previous.Method != HttpMethod.Post);
        var next = new HttpRequestMessage(keepMethod ? previous.Method : HttpMethod.Get, target)
        {
            Version = previous.Version,
            VersionPolicy = previous.VersionPolicy,
            Content = keepMethod ? previous.Content : null,
        };
        foreach (var name in new[] { "Accept", "User-Agent", "Accept-Encoding", "Accept-Language" })
        {
            if (previous.Headers.TryGetValues(name, out var values))
            {
                next.Headers.TryAddWithoutValidation(name, values);
            }
        }

        foreach (var option in previous.Options)
        {
            ((IDictionary<string, object?>)next.Options)[option.Key] = option.Value;
        }

        return next;
    }
}
