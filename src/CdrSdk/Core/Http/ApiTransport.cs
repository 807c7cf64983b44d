using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CdrSdk.Core.Http;

/// <summary>
/// Sends one provider's API calls: builds the request, streams the JSON body in and out (responses are read
/// with <see cref="HttpCompletionOption.ResponseHeadersRead"/> and deserialized from the stream, never via a
/// string), maps failures to the SDK's exceptions, and records telemetry.
/// </summary>
internal sealed class ApiTransport
{
    /// <summary>
    /// The largest JSON answer read whole (a page, a report, a GraphQL response): far above any documented page,
    /// and a guard against a hostile or broken body filling the memory. Listings streamed item by item (Kazoo
    /// <c>paginate=false</c>) have no total limit, only one per item.
    /// </summary>
    internal const long MaxJsonBodyBytes = 64L * 1024 * 1024;

    private readonly Func<HttpClient> _httpClient;
    private readonly ClientRuntime _runtime;
    private readonly ILogger _logger;
    private readonly string _baseAddress;
    private readonly string _providerName;
    private readonly int _bodyRetries;

    public ApiTransport(CdrProvider provider, Uri baseAddress, Func<HttpClient> httpClient, ClientRuntime runtime, int bodyRetries)
    {
        Provider = provider;
        BaseAddress = baseAddress;
        _baseAddress = baseAddress.AbsoluteUri.TrimEnd('/');
        _httpClient = httpClient;
        _runtime = runtime;
        _bodyRetries = bodyRetries;
        _providerName = CdrTelemetry.ProviderName(provider);
        Errors = new ApiErrorMapper(provider, runtime.Secrets, runtime.TimeProvider);
        _logger = runtime.LoggerFactory.CreateLogger("CdrSdk." + provider);
    }

    public CdrProvider Provider { get; }

    public Uri BaseAddress { get; }

    public ClientRuntime Runtime => _runtime;

    /// <summary>The error mapper of this provider (also for errors reported inside successful answers).</summary>
    public ApiErrorMapper Errors { get; }

    /// <summary>Sends the request and deserializes the JSON answer.</summary>
    public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken) =>
        SendAndReadAsync(request, async (stream, ct) =>
        {
            var value = await JsonSerializer.DeserializeAsync(stream, responseType, ct).ConfigureAwait(false);
            return value ?? throw new JsonException("The body is JSON null.");
        }, cancellationToken);

    /// <summary>
    /// Sends the request and reads the JSON answer with <paramref name="read"/>. A GET whose body is cut off
    /// mid-way is sent again (nothing was handed to the caller yet); unparsable bodies become
    /// <see cref="CdrTransportException"/> with <see cref="CdrTransportFailure.InvalidResponse"/>.
    /// </summary>
    public async Task<TResult> SendAndReadAsync<TResult>(ApiRequest request, Func<Stream, CancellationToken, ValueTask<TResult>> read, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            Stream stream;
            try
            {
                stream = await OpenJsonAsync(request, cancellationToken, MaxJsonBodyBytes).ConfigureAwait(false);
            }
            catch (ResponseTooLargeException ex)
            {
                throw TooLarge(request, ex);
            }

            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    return await read(stream, cancellationToken).ConfigureAwait(false);
                }
                catch (ResponseTooLargeException ex)
                {
                    throw TooLarge(request, ex);
                }
                catch (IOException) when (CanResendAfterBodyFailure(request, attempt, cancellationToken))
                {
                    // The connection dropped mid-body. A GET is safe to repeat; nothing was handed to the caller yet.
                    Log.BodyRetry(_logger, _providerName, request.Method.Method, request.Path, attempt);
                }
                catch (IOException ex)
                {
                    throw BodyInterrupted(request, ex);
                }
                catch (JsonException ex)
                {
                    throw InvalidJson(request, ex);
                }
            }
        }
    }

    /// <summary>
    /// Sends the request and opens the successful JSON answer for reading (the response is disposed with the
    /// stream). A proxy's HTML page or XML instead of JSON is an <see cref="CdrTransportFailure.InvalidResponse"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="maxBytes">The most bytes the body may have (<see cref="ResponseTooLargeException"/> beyond); <see langword="null"/> for no limit.</param>
    public async Task<Stream> OpenJsonAsync(ApiRequest request, CancellationToken cancellationToken, long? maxBytes = null)
    {
        var response = await SendForResponseAsync(request, cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && (mediaType.Contains("html", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase)))
        {
            using (response)
            {
                var excerpt = await Errors.ExcerptAsync(response, cancellationToken).ConfigureAwait(false);
                throw new CdrTransportException(
                    $"{Describe(request)} answered HTTP {(int)response.StatusCode} with '{mediaType}' instead of JSON (a proxy or gateway page?). Body starts: {excerpt}")
                {
                    Provider = Provider,
                    Failure = CdrTransportFailure.InvalidResponse,
                };
            }
        }

        return await ResponseStream.OpenAsync(response, cancellationToken, maxBytes).ConfigureAwait(false);
    }

    /// <summary>Whether a GET may be sent again after its body was cut off (within the retry budget).</summary>
    internal bool CanResendAfterBodyFailure(ApiRequest request, int attempt, CancellationToken cancellationToken) =>
        request.IsIdempotent && attempt <= _bodyRetries && !cancellationToken.IsCancellationRequested;

    /// <summary>The error for a body that is not the documented JSON.</summary>
    internal CdrTransportException InvalidJson(ApiRequest request, JsonException exception) =>
        new($"{Describe(request)} answered with a body that is not the documented JSON ({exception.Message}{(exception.InnerException is { } inner ? " " + inner.Message : null)}).", exception)
        {
            Provider = Provider,
            Failure = CdrTransportFailure.InvalidResponse,
        };

    private CdrTransportException TooLarge(ApiRequest request, ResponseTooLargeException exception) =>
        new($"{Describe(request)} answered with a body larger than {exception.Limit / (1024 * 1024)} MiB, far beyond any page of this API; stopped reading it.", exception)
        {
            Provider = Provider,
            Failure = CdrTransportFailure.InvalidResponse,
        };

    /// <summary>The error for a body cut off mid-way when it cannot be fetched again.</summary>
    internal CdrTransportException BodyInterrupted(ApiRequest request, IOException exception) =>
        new($"{Describe(request)}: the connection dropped while the response body was being read.", exception)
        {
            Provider = Provider,
            Failure = CdrTransportFailure.Network,
        };

    internal void LogBodyRetry(ApiRequest request, int attempt) =>
        Log.BodyRetry(_logger, _providerName, request.Method.Method, request.Path, attempt);

    /// <summary>Sends the request and discards any body (for DELETE and similar).</summary>
    public async Task SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendForResponseAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the request and returns the successful response with its body unread, for streaming (CSV). The
    /// caller disposes it. Error statuses are thrown as <see cref="CdrApiException"/>.
    /// </summary>
    public Task<HttpResponseMessage> SendForStreamAsync(ApiRequest request, CancellationToken cancellationToken) =>
        SendForResponseAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendForResponseAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseAddress + request.Path + request.Query.ToString());
        using var message = new HttpRequestMessage(request.Method, uri) { Content = request.CreateContent?.Invoke() };
        if (request.IsIdempotent)
        {
            message.Options.Set(TransientFailure.IdempotentRequest, true);
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(request.Accept));

        var response = await InstrumentedSend.SendAsync(_httpClient(), message, Provider, request.Path, _logger, _runtime.Infrastructure.Metrics, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var error = await Errors.FromResponseAsync(response, Describe(request), cancellationToken).ConfigureAwait(false);
            Log.RequestFailed(_logger, _providerName, request.Method.Method, request.Path, (int)response.StatusCode, error.Errors.Count == 0 ? $"HTTP {(int)response.StatusCode}" : ErrorBodyParser.Format((int)response.StatusCode, error.Errors));
            throw error;
        }
    }

    private string Describe(ApiRequest request) => $"{Provider} {request.Method.Method} {request.Path}";
}
