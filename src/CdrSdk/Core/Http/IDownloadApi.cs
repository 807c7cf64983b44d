using Refit;

namespace CdrSdk.Core.Http;

/// <summary>
/// The one request of a download: a GET of the absolute, signed URL a provider handed out (Telnyx
/// <c>report_url</c>, TSG <c>exportLink</c>), optionally a byte range of it when resuming.
/// </summary>
internal interface IDownloadApi
{
    /// <summary>GETs <paramref name="url"/>; the response comes back with its body unread.</summary>
    /// <param name="url">The file's absolute URL (any host).</param>
    /// <param name="accept">The media type asked for (<c>text/csv</c>).</param>
    /// <param name="range">The <c>Range</c> to resume from (<c>bytes=N-</c>), or <see langword="null"/> for the whole file.</param>
    /// <param name="ifRange">The <c>If-Range</c> validator (the first answer's <c>ETag</c> or <c>Last-Modified</c>), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    [Get("")]
    Task<HttpResponseMessage> GetAsync(
        [Url] Uri url, [Header("Accept")] string accept, [Header("Range")] string? range, [Header("If-Range")] string? ifRange, CancellationToken cancellationToken);
}
