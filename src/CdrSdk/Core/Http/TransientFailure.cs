using System.Net;
using Polly.Timeout;

namespace CdrSdk.Core.Http;

/// <summary>Which outcomes are worth retrying, and whether a request may be re-sent safely.</summary>
internal static class TransientFailure
{
    /// <summary>408, 429 and every 5xx.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Network failures and attempt timeouts.</summary>
    public static bool IsTransientException(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or IOException;

    /// <summary>Marks a request that is safe to repeat whatever its method (a read-only GraphQL POST).</summary>
    public static readonly HttpRequestOptionsKey<bool> IdempotentRequest = new(IdempotentKey);

    /// <summary>The name of <see cref="IdempotentRequest"/>, for the <c>[Property]</c> parameter of a Refit method.</summary>
    public const string IdempotentKey = "CdrSdk.Idempotent";

    /// <summary>Whether the request may be sent again: its method is idempotent, or it was marked so.</summary>
    public static bool IsIdempotent(HttpRequestMessage request) =>
        IsIdempotent(request.Method) || (request.Options.TryGetValue(IdempotentRequest, out var marked) && marked);

    /// <summary>GET, HEAD, OPTIONS, PUT, DELETE may be repeated without changing the result.</summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete;

    /// <summary>
    /// <see langword="true"/> when the exception proves the request never reached the server (the connection
    /// was not established), so even a <c>POST</c> can be re-sent.
    /// </summary>
    public static bool NeverReachedServer(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException http
                && http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                    or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
            {
                return true;
            }
        }

        return false;
    }
}
