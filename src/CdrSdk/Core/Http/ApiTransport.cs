using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace CdrSdk.Core.Http;

/// <summary>
/// The response side of one provider's API calls (the requests come from its Refit interface): error statuses
/// become the SDK's exceptions through the one <see cref="ApiErrorMapper"/>, JSON answers are streamed (never read
/// into a string), a proxy's HTML page or an oversized body is refused, and a GET whose body is cut off mid-way is
/// sent again within the retry budget.
/// </summary>
internal sealed class ApiTransport
{
    /// <summary>
    /// The largest JSON answer read whole (a page, a report, a GraphQL response): far above any documented page,
    /// and a guard against a hostile or broken body filling the memory. Listings streamed item by item (Kazoo
    /// <c>paginate=false</c>) have no total limit, only one per item.
    /// </summary>
    internal const long MaxJsonBodyBytes = 64L * 1024 * 1024;

    private readonly ILogger _logger;
    private readonly string _basePath;
    private readonly string _providerName;
    private readonly int _bodyRetries;

    public ApiTransport(CdrProvider provider, Uri baseAddress, ClientRuntime runtime)
    {
        Provider = provider;
        Runtime = runtime;
        _basePath = baseAddress.AbsolutePath.TrimEnd('/');
        _bodyRetries = runtime.Infrastructure.ResilienceFor(provider).MaxRetries;
        _providerName = CdrTelemetry.ProviderName(provider);
        Errors = new ApiErrorMapper(provider, runtime.Secrets, runtime.TimeProvider);
        _logger = runtime.LoggerFactory.CreateLogger("CdrSdk." + provider);
    }

    public CdrProvider Provider { get; }

    public ClientRuntime Runtime { get; }

    /// <summary>The error mapper of this provider (also for errors reported inside successful answers).</summary>
    public ApiErrorMapper Errors { get; }

    /// <summary>Makes the call and deserializes the JSON answer.</summary>
    public Task<T> ReadJsonAsync<T>(ApiCall call, JsonTypeInfo<T> responseType, CancellationToken cancellationToken) =>
        ReadJsonAsync(call, async (stream, _, ct) =>
        {
            var value = await JsonSerializer.DeserializeAsync(stream, responseType, ct).ConfigureAwait(false);
            return value ?? throw new JsonException("The body is JSON null.");
        }, cancellationToken);

    /// <summary>
    /// Makes the call and reads the JSON answer with <paramref name="read"/>. A GET whose body is cut off mid-way is
    /// made again (nothing was handed to the caller yet); <paramref name="read"/> also gets the request that was sent
    /// (to name it in an error the body reports); unparsable bodies become
    /// <see cref="CdrTransportException"/> with <see cref="CdrTransportFailure.InvalidResponse"/>.
    /// </summary>
    public async Task<TResult> ReadJsonAsync<TResult>(ApiCall call, Func<Stream, HttpRequestMessage, CancellationToken, ValueTask<TResult>> read, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (stream, request) = await OpenJsonAsync(call, MaxJsonBodyBytes, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    return await read(stream, request, cancellationToken).ConfigureAwait(false);
                }
                catch (ResponseTooLargeException ex)
                {
                    throw TooLarge(request, ex);
                }
                catch (IOException) when (CanResendAfterBodyFailure(request, attempt, cancellationToken))
                {
                    // The connection dropped mid-body. A GET is safe to repeat; nothing was handed to the caller yet.
                    LogBodyRetry(request, attempt);
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
    /// Makes the call and opens the successful JSON answer for reading (the response is disposed with the stream).
    /// A proxy's HTML page or XML instead of JSON is an <see cref="CdrTransportFailure.InvalidResponse"/>.
    /// </summary>
    /// <param name="call">The call.</param>
    /// <param name="maxBytes">The most bytes the body may have (<see cref="ResponseTooLargeException"/> beyond); <see langword="null"/> for no limit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body, and the request that was sent (for errors about the body).</returns>
    public async Task<(Stream Body, HttpRequestMessage Request)> OpenJsonAsync(ApiCall call, long? maxBytes, CancellationToken cancellationToken)
    {
        var response = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        var request = response.RequestMessage!;
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

        try
        {
            return (await ResponseStream.OpenAsync(response, cancellationToken, maxBytes).ConfigureAwait(false), request);
        }
        catch (ResponseTooLargeException ex)
        {
            throw TooLarge(request, ex);
        }
    }

    /// <summary>
    /// Makes the call and returns the successful response with its body unread (for streaming, or to discard). The
    /// caller disposes it. Error statuses are thrown as <see cref="CdrApiException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var response = await call(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var request = response.RequestMessage!;
            var error = await Errors.FromResponseAsync(response, Describe(request), cancellationToken).ConfigureAwait(false);
            Log.RequestFailed(_logger, _providerName, request.Method.Method, PathOf(request), (int)response.StatusCode, error.Errors.Count == 0 ? $"HTTP {(int)response.StatusCode}" : ErrorBodyParser.Format((int)response.StatusCode, error.Errors));
            throw error;
        }
    }

    /// <summary>Whether a request may be sent again after its body was cut off (idempotent, within the retry budget).</summary>
    internal bool CanResendAfterBodyFailure(HttpRequestMessage request, int attempt, CancellationToken cancellationToken) =>
        TransientFailure.IsIdempotent(request) && attempt <= _bodyRetries && !cancellationToken.IsCancellationRequested;

    /// <summary>The error for a body that is not the documented JSON.</summary>
    internal CdrTransportException InvalidJson(HttpRequestMessage request, JsonException exception) =>
        new($"{Describe(request)} answered with a body that is not the documented JSON ({exception.Message}{(exception.InnerException is { } inner ? " " + inner.Message : null)}).", exception)
        {
            Provider = Provider,
            Failure = CdrTransportFailure.InvalidResponse,
        };

    /// <summary>The error for a body cut off mid-way when it cannot be fetched again.</summary>
    internal CdrTransportException BodyInterrupted(HttpRequestMessage request, IOException exception) =>
        new($"{Describe(request)}: the connection dropped while the response body was being read.", exception)
        {
            Provider = Provider,
            Failure = CdrTransportFailure.Network,
        };

    /// <summary>The error for an answer whose body is not what the endpoint documents.</summary>
    internal CdrTransportException InvalidResponse(HttpRequestMessage request, string problem, Exception? inner = null) =>
        new($"{Describe(request)} answered with an unexpected body: {problem}.", inner)
        {
            Provider = Provider,
            Failure = CdrTransportFailure.InvalidResponse,
        };

    internal void LogBodyRetry(HttpRequestMessage request, int attempt) =>
        Log.BodyRetry(_logger, _providerName, request.Method.Method, PathOf(request), attempt);

    /// <summary>Names the call in errors: <c>Kazoo GET /accounts/{id}/cdrs</c> (the path below the base address).</summary>
    internal string Describe(HttpRequestMessage request) => $"{Provider.DisplayName()} {request.Method.Method} {PathOf(request)}";

    private string PathOf(HttpRequestMessage request) => TelemetryHandler.RelativePath(request.RequestUri, _basePath);

    private CdrTransportException TooLarge(HttpRequestMessage request, ResponseTooLargeException exception) =>
        new($"{Describe(request)} answered with a body larger than {exception.Limit / (1024 * 1024)} MiB, far beyond any page of this API; stopped reading it.", exception)
        {
            Provider = Provider,
            Failure = CdrTransportFailure.InvalidResponse,
        };
}
