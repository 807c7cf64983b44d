using System.Text.Json.Serialization;
using Refit;

namespace CdrSdk.Core.Http;

/// <summary>
/// How the SDK creates its Refit clients: always the source-generated implementation
/// (<see cref="RestService.ForGenerated{T}(HttpClient, RefitSettings)"/>, no reflection), with request bodies written
/// by the provider's source-generated <see cref="JsonSerializerContext"/>. Responses are never read by Refit: every
/// endpoint returns the <see cref="HttpResponseMessage"/> (sent with response-headers-only completion), which
/// <see cref="ApiTransport"/> checks, maps and streams.
/// </summary>
internal static class RefitClients
{
    /// <summary>
    /// Settings over <paramref name="context"/> that leave transport failures as the pipeline raised them (a
    /// <see cref="CdrTransportException"/> from <see cref="TelemetryHandler"/>, a cancellation) instead of wrapping
    /// them in Refit's own exception type.
    /// </summary>
    public static RefitSettings Settings(JsonSerializerContext context)
    {
        var settings = RefitSettings.ForJsonContext(context);
        settings.TransportExceptionFactory = static (_, exception, _) => exception;
        return settings;
    }

    /// <summary>A generated client over one of the SDK's HTTP clients (its base address already set).</summary>
    public static TApi Create<TApi>(HttpClient httpClient, RefitSettings settings) =>
        RestService.ForGenerated<TApi>(httpClient, settings);

    /// <summary>
    /// An HTTP client whose requests go through <paramref name="send"/> (the rest of a handler chain), to create a
    /// generated client on for the token logins a credential handler sends below itself. Dispose it after the call.
    /// </summary>
    public static HttpClient ClientOver(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, Uri baseAddress) =>
        new(new DelegateHandler(send), disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>Hands each request to a delegate (the inner part of a handler chain).</summary>
    private sealed class DelegateHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => send(request, cancellationToken);
    }
}
