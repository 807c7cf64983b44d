using System.Net;

namespace CdrSdk;

/// <summary>
/// A provider answered with an error: an HTTP status outside 2xx, or an error body on a 2xx (GraphQL).
/// Carries the status, the provider's error code, title and detail, the request id and a short excerpt of the
/// body. Never carries credentials.
/// </summary>
public sealed class CdrApiException : CdrException
{
    /// <summary>Creates an API exception with a generic message.</summary>
    public CdrApiException()
        : this("The provider returned an error.")
    {
    }

    /// <summary>Creates an API exception with the given message.</summary>
    /// <param name="message">What went wrong, without secrets.</param>
    public CdrApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an API exception with the given message and cause.</summary>
    /// <param name="message">What went wrong, without secrets.</param>
    /// <param name="innerException">The underlying failure.</param>
    public CdrApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status code of the response.</summary>
    public HttpStatusCode StatusCode { get; init; }

    /// <summary>The first error's provider code (for example Telnyx <c>10009</c>), if the body had one.</summary>
    public string? ErrorCode => Errors.Count > 0 ? Errors[0].Code : null;

    /// <summary>The first error's title, if the body had one.</summary>
    public string? ErrorTitle => Errors.Count > 0 ? Errors[0].Title : null;

    /// <summary>The first error's detail, if the body had one.</summary>
    public string? ErrorDetail => Errors.Count > 0 ? Errors[0].Detail : null;

    /// <summary>Every error item the provider reported, in order.</summary>
    public IReadOnlyList<CdrApiError> Errors { get; init; } = [];

    /// <summary>The request id the provider returned (header or body), to quote to its support.</summary>
    public string? RequestId { get; init; }

    /// <summary>The first characters of the response body (at most 512), with any known secret removed.</summary>
    public string? ResponseBodyExcerpt { get; init; }

    /// <summary>How long the provider asked the client to wait before retrying (429/503), when it said so.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary><see langword="true"/> for statuses a later retry may fix (408, 429, 5xx).</summary>
    public bool IsTransient => StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || (int)StatusCode >= 500;
}
