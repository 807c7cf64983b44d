using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CdrSdk.Core.Http;

/// <summary>
/// The outermost handler of every SDK client (API calls and downloads): one span, the request metrics and the
/// request logs per logical call (every retry inside it), and transport failures (timeouts, an open circuit,
/// network errors) mapped to <see cref="CdrTransportException"/>. Requests come from the Refit interfaces, which
/// send with response-headers-only completion, so a body is never buffered here.
/// </summary>
internal sealed class TelemetryHandler : DelegatingHandler
{
    private readonly CdrProvider? _provider;
    private readonly string _basePath;
    private readonly ILogger _logger;
    private readonly CdrMetrics _metrics;

    /// <param name="provider">The provider of the client, or <see langword="null"/> for downloads.</param>
    /// <param name="baseAddress">The provider's base address, whose path is left out of logged paths; <see langword="null"/> for downloads.</param>
    /// <param name="logger">The logger of the client.</param>
    /// <param name="metrics">The client's instruments.</param>
    public TelemetryHandler(CdrProvider? provider, Uri? baseAddress, ILogger logger, CdrMetrics metrics)
    {
        _provider = provider;
        _basePath = baseAddress is null ? string.Empty : baseAddress.AbsolutePath.TrimEnd('/');
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>The path of a request below the base address (<c>/accounts/{id}/cdrs</c>), as logs and errors name it.</summary>
    public static string RelativePath(Uri? requestUri, string basePath)
    {
        var path = requestUri is { IsAbsoluteUri: true } ? requestUri.AbsolutePath : requestUri?.OriginalString ?? string.Empty;
        return basePath.Length > 0 && path.StartsWith(basePath, StringComparison.Ordinal) && path.Length > basePath.Length ? path[basePath.Length..] : path;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        var provider = _provider;
        var logger = _logger;
        var metrics = _metrics;
        var pathForLogs = RelativePath(message.RequestUri, _basePath);
        var providerName = provider is { } p ? CdrTelemetry.ProviderName(p) : "download";
        using var activity = CdrTelemetry.ActivitySource.StartActivity($"{providerName} {message.Method.Method}", ActivityKind.Client);
        activity?.SetTag("cdrsdk.provider", providerName);
        activity?.SetTag("http.request.method", message.Method.Method);
        activity?.SetTag("url.path", pathForLogs);

        Log.RequestStarting(logger, providerName, message.Method.Method, pathForLogs);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            if (!response.IsSuccessStatusCode)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            metrics.Requests.Add(1, CdrTelemetry.ProviderTag(provider), new("http.request.method", message.Method.Method), new("http.response.status_code", status));
            metrics.RequestDuration.Record(elapsed.TotalSeconds, CdrTelemetry.ProviderTag(provider), new("http.request.method", message.Method.Method));
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
            metrics.Requests.Add(1, CdrTelemetry.ProviderTag(provider), new("http.request.method", message.Method.Method), new("error.type", mapped.Failure.ToString()));
            throw mapped;
        }
    }

    private static CdrTransportException? MapTransportFailure(Exception exception, CdrProvider? provider, HttpRequestMessage message, string path)
    {
        var what = $"{(provider is { } p ? p.DisplayName() : "Download")} {message.Method.Method} {path}";
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
}
