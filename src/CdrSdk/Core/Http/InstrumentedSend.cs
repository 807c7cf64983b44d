using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CdrSdk.Core.Http;

/// <summary>
/// Sends one message through an SDK client (API call or download) with response-headers-only completion, records
/// a span, metrics and logs, and maps transport failures (timeouts, an open circuit, network errors) to
/// <see cref="CdrTransportException"/>.
/// </summary>
internal static class InstrumentedSend
{
    /// <summary>
    /// Sends a message through an SDK client with response-headers-only completion, mapping transport
    /// failures to <see cref="CdrTransportException"/> and recording a span and metrics. Shared by API calls and
    /// downloads.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpRequestMessage message, CdrProvider? provider, string pathForLogs, ILogger logger, CdrMetrics metrics, CancellationToken cancellationToken)
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
}
