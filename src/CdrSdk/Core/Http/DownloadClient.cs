using Microsoft.Extensions.Logging;

namespace CdrSdk.Core.Http;

/// <summary>
/// Downloads files a provider points to (Telnyx <c>report_url</c>, TSG <c>exportLink</c>) with the download
/// client: resilient, following redirects, and never carrying credentials.
/// </summary>
internal sealed class DownloadClient
{
    private readonly ClientRuntime _runtime;
    private readonly ILogger _logger;

    public DownloadClient(ClientRuntime runtime)
    {
        _runtime = runtime;
        _logger = runtime.LoggerFactory.CreateLogger("CdrSdk.Downloads");
    }

    /// <summary>Starts a GET of <paramref name="uri"/> and returns the successful response with its body unread.</summary>
    public async Task<HttpResponseMessage> GetAsync(Uri uri, CdrProvider provider, string accept, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        message.Headers.TryAddWithoutValidation("Accept", accept);
        message.Headers.TryAddWithoutValidation("User-Agent", _runtime.UserAgent);
        var response = await ApiTransport.SendWithTelemetryAsync(_runtime.Http.ForDownloads(), message, null, uri.AbsolutePath, _logger, cancellationToken)
            .ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await ApiTransport.ReadBoundedAsync(response, 512, cancellationToken).ConfigureAwait(false);
            throw new CdrApiException($"Download of {uri.GetLeftPart(UriPartial.Path)} failed with HTTP {(int)response.StatusCode} ({response.ReasonPhrase}).")
            {
                Provider = provider,
                StatusCode = response.StatusCode,
                ResponseBodyExcerpt = body.Length == 0 ? null : _runtime.Secrets.Scrub(body),
                RetryAfter = RetryAfter.Read(response, _runtime.TimeProvider),
            };
        }
    }
}
