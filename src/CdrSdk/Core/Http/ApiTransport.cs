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
    private const int ErrorBodyLimit = 64 * 1024;
    private const int ExcerptLength = 512;

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
    private readonly IReadOnlyList<string> _requestIdHeaders;

    public ApiTransport(CdrProvider provider, Uri baseAddress, Func<HttpClient> httpClient, ClientRuntime runtime, int bodyRetries)
    {
        Provider = provider;
        BaseAddress = baseAddress;
        _baseAddress = baseAddress.AbsoluteUri.TrimEnd('/');
        _httpClient = httpClient;
        _runtime = runtime;
        _bodyRetries = bodyRetries;
        _providerName = CdrTelemetry.ProviderName(provider);
        _requestIdHeaders = CdrProviders.Get(provider).RequestIdHeaders;
        _logger = runtime.LoggerFactory.CreateLogger("CdrSdk." + provider);
    }

    public CdrProvider Provider { get; }

    public Uri BaseAddress { get; }

    public ClientRuntime Runtime => _runtime;

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
                var excerpt = await ReadExcerptAsync(response, cancellationToken).ConfigureAwait(false);
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

        var response = await SendWithTelemetryAsync(_httpClient(), message, Provider, request.Path, _logger, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await CreateApiExceptionAsync(response, request, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends a message through an SDK client with response-headers-only completion, mapping transport
    /// failures to <see cref="CdrTransportException"/> and recording a span and metrics. Shared by API calls and
    /// downloads.
    /// </summary>
    internal static async Task<HttpResponseMessage> SendWithTelemetryAsync(
        HttpClient client, HttpRequestMessage message, CdrProvider? provider, string pathForLogs, ILogger logger, CancellationToken cancellationToken)
    {
        var providerName = provider is { } p ? CdrTelemetry.ProviderName(p) : "download";
        using var activity = CdrTelemetry.ActivitySource.StartActivity($"{providerName} {message.Method.Method}", ActivityKind.Client);
        activity?.SetTag("cdrsdk.provider", providerName);
        activity?.SetTag("http.request.method", message.Method.Method);
        activity?.SetTag("url.path", pathForLogs);

        Log.RequestStarting(logger, providerName, message.Method.Method, pathForLogs);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            if (!response.IsSuccessStatusCode)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            CdrTelemetry.Requests.Add(1, CdrTelemetry.ProviderTag(provider), new("http.request.method", message.Method.Method), new("http.response.status_code", status));
            CdrTelemetry.RequestDuration.Record(elapsed.TotalSeconds, CdrTelemetry.ProviderTag(provider), new("http.request.method", message.Method.Method));
            Log.RequestCompleted(logger, providerName, message.Method.Method, pathForLogs, status, (long)elapsed.TotalMilliseconds);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            throw;
        }
        catch (Exception ex)
        {
            var mapped = MapTransportFailure(ex, provider, message, pathForLogs);
            if (mapped is null)
            {
                throw;
            }

            activity?.SetStatus(ActivityStatusCode.Error, mapped.Failure.ToString());
            CdrTelemetry.Requests.Add(1, CdrTelemetry.ProviderTag(provider), new("http.request.method", message.Method.Method), new("error.type", mapped.Failure.ToString()));
            throw mapped;
        }
    }

    private static CdrTransportException? MapTransportFailure(Exception exception, CdrProvider? provider, HttpRequestMessage message, string path)
    {
        var what = $"{(provider is { } p ? p.ToString() : "Download")} {message.Method.Method} {path}";
        return exception switch
        {
            TimeoutRejectedException timeout => new CdrTransportException($"{what} timed out: no answer within {OptionRules.Format(timeout.Timeout)} (see CdrResilienceOptions.AttemptTimeout and TotalTimeout).", exception)
            {
                Provider = provider,
                Failure = CdrTransportFailure.Timeout,
            },
            Polly.RateLimiting.RateLimiterRejectedException => new CdrTransportException($"{what} was not sent: the client-side rate limiter refused it (see CdrResilienceOptions.MaxRequestsPerSecond).", exception)
            {
                Provider = provider,
                Failure = CdrTransportFailure.Network,
            },
            BrokenCircuitException broken => new CdrTransportException(
                $"{what} was not sent: the circuit breaker is open after repeated failures" +
                (broken.RetryAfter is { } after ? $"; it will let a trial call through in {OptionRules.Format(after)}." : "."), exception)
            {
                Provider = provider,
                Failure = CdrTransportFailure.CircuitOpen,
            },
            HttpRequestException http => new CdrTransportException($"{what} failed: {http.Message}", exception)
            {
                Provider = provider,
                Failure = CdrTransportFailure.Network,
            },
            IOException io => new CdrTransportException($"{what} failed: {io.Message}", exception)
            {
                Provider = provider,
                Failure = CdrTransportFailure.Network,
            },
            OperationCanceledException => new CdrTransportException($"{what} timed out.", exception)
            {
                Provider = provider,
                Failure = CdrTransportFailure.Timeout,
            },
            _ => null,
        };
    }

    private async Task<CdrApiException> CreateApiExceptionAsync(HttpResponseMessage response, ApiRequest request, CancellationToken cancellationToken)
    {
        var body = await ReadBoundedAsync(response, ErrorBodyLimit, cancellationToken).ConfigureAwait(false);
        var (errors, bodyRequestId) = ErrorBodyParser.Parse(body);
        var status = (int)response.StatusCode;
        var requestId = _requestIdHeaders.Select(h => response.Headers.TryGetValues(h, out var v) ? v.FirstOrDefault() : null).FirstOrDefault(v => v is not null)
            ?? bodyRequestId;
        var summary = _runtime.Secrets.Scrub(ErrorBodyParser.Format(status, errors));
        Log.RequestFailed(_logger, _providerName, request.Method.Method, request.Path, status, summary);

        // A refused token login answers for the call that needed the token: name the login, not the call.
        var what = response.RequestMessage is { } sent && sent.Options.TryGetValue(TokenCache.LoginRequest, out var login) ? login : Describe(request);
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{what} failed with HTTP {status} ({response.ReasonPhrase ?? response.StatusCode.ToString()})");
        if (errors.Count > 0)
        {
            message.Append(": ").Append(summary.TrimEnd('.'));
        }

        if (requestId is not null)
        {
            message.Append(CultureInfo.InvariantCulture, $" (request id {requestId})");
        }

        message.Append('.');
        return new CdrApiException(message.ToString())
        {
            Provider = Provider,
            StatusCode = response.StatusCode,
            Errors = errors.Select(e => Scrub(e)).ToArray(),
            RequestId = requestId,
            ResponseBodyExcerpt = body.Length == 0 ? null : _runtime.Secrets.Scrub(body.Length > ExcerptLength ? body[..ExcerptLength] : body),
            RetryAfter = RetryAfter.Read(response, _runtime.TimeProvider),
        };
    }

    /// <summary>An error with every provider-written text scrubbed: a provider may echo what it was sent anywhere.</summary>
    internal CdrApiError Scrub(CdrApiError error) => error with
    {
        Code = ScrubOrNull(error.Code),
        Title = ScrubOrNull(error.Title),
        Detail = ScrubOrNull(error.Detail),
        Source = ScrubOrNull(error.Source),
    };

    private string? ScrubOrNull(string? text) => text is null ? null : _runtime.Secrets.Scrub(text);

    private async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await ReadBoundedAsync(response, ExcerptLength, cancellationToken).ConfigureAwait(false);
        return _runtime.Secrets.Scrub(text);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes of the body as UTF-8 (invalid bytes replaced).</summary>
    internal static async Task<string> ReadBoundedAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[limit];
                var total = 0;
                int read;
                while (total < limit && (read = await stream.ReadAsync(buffer.AsMemory(total, limit - total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return Encoding.UTF8.GetString(buffer, 0, total);
            }
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
    }

    private string Describe(ApiRequest request) => $"{Provider} {request.Method.Method} {request.Path}";
}
