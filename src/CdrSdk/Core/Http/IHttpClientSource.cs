namespace CdrSdk.Core.Http;

/// <summary>
/// Hands out the <see cref="HttpClient"/> of a provider (credentials attached for its base address) or the one
/// for downloads (no credentials at all). Backed by <c>IHttpClientFactory</c> under DI, or by clients the
/// <see cref="CdrClient"/> owns otherwise.
/// </summary>
internal interface IHttpClientSource
{
    /// <summary>The client for API calls to <paramref name="provider"/>.</summary>
    HttpClient ForProvider(CdrProvider provider);

    /// <summary>The client for report and export downloads: resilient, never authenticated.</summary>
    HttpClient ForDownloads();
}
