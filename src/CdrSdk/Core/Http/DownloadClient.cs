using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace CdrSdk.Core.Http;

/// <summary>
/// Downloads files a provider points to (Telnyx <c>report_url</c>, TSG <c>exportLink</c>) with the download
/// client: resilient, following redirects, and never carrying credentials.
/// </summary>
internal sealed class DownloadClient
{
    /// <summary>Downloads send no body: the settings only need a (tiny) JSON context.</summary>
    private static readonly Refit.RefitSettings Settings = RefitClients.Settings(DownloadJsonContext.Default);

    private readonly ClientRuntime _runtime;
    private readonly ILogger _logger;

    public DownloadClient(ClientRuntime runtime)
    {
        _runtime = runtime;
        _logger = runtime.LoggerFactory.CreateLogger("CdrSdk.Downloads");
    }

    /// <summary>
    /// Opens the file at <paramref name="uri"/> for reading: a connection lost mid-body is resumed from the byte it
    /// stopped at (HTTP <c>Range</c>), or the file restarts with the bytes already read dropped, up to the
    /// resilience settings' <c>MaxRetries</c> times.
    /// </summary>
    public Task<Stream> OpenAsync(Uri uri, CdrProvider provider, string accept, CancellationToken cancellationToken) =>
        ResumableDownloadStream.OpenAsync(
            (range, etag, lastModified, ct) => GetAsync(uri, provider, accept, range, etag, lastModified, ct),
            _runtime.Infrastructure.ResilienceFor(null).MaxRetries,
            provider,
            (offset, attempt) => Log.DownloadResumed(_logger, uri.AbsolutePath, offset, attempt),
            cancellationToken);

    /// <summary>Sends one GET of <paramref name="uri"/> (a range of it when resuming) and returns the successful response with its body unread.</summary>
    private async Task<HttpResponseMessage> GetAsync(
        Uri uri, CdrProvider provider, string accept, RangeHeaderValue? range, EntityTagHeaderValue? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken)
    {
        var ifRange = range is null ? null : etag is not null ? new RangeConditionHeaderValue(etag) : lastModified is { } date ? new RangeConditionHeaderValue(date) : null;
        HttpResponseMessage response;
        try
        {
            // The URL is absolute ([Url]); Refit still wants a base address, so the file's own origin is it.
            var http = _runtime.HttpForDownloads();
            http.BaseAddress = new Uri(uri.GetLeftPart(UriPartial.Authority));
            response = await RefitClients.Create<IDownloadApi>(http, Settings)
                .GetAsync(uri, accept, range?.ToString(), ifRange?.ToString(), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (CdrTransportException ex) when (ex.Provider is null)
        {
            // Downloads are counted apart in telemetry, but the error belongs to the provider whose file it is.
            throw new CdrTransportException(ex.Message, ex.InnerException) { Provider = provider, Failure = ex.Failure };
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            // The file lives on another host (a storage bucket): the provider's request id headers do not apply.
            var errors = new ApiErrorMapper(provider, _runtime.Secrets, _runtime.TimeProvider, readRequestIdHeaders: false);
            throw await errors.FromResponseAsync(response, $"Download of {uri.GetLeftPart(UriPartial.Path)}", cancellationToken).ConfigureAwait(false);
        }
    }
}
