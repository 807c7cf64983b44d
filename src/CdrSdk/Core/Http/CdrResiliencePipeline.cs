using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CdrSdk.Core.Http;

/// <summary>
/// The strategies of one provider's resilience handler (Microsoft.Extensions.Http.Resilience), outermost first:
/// total timeout, retry, circuit breaker, rate limit, attempt timeout. The rules are the SDK's, not the standard
/// handler's: a request that may have reached the server is re-sent only when it is idempotent (GET, PUT, DELETE,
/// or marked so, like TSG's GraphQL reads); any other (a report-creating POST) only after a connect failure or a 429.
/// <c>Retry-After</c> and the Telnyx <c>x-ratelimit-reset</c> header set the wait.
/// </summary>
internal static class CdrResiliencePipeline
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        CdrResilienceOptions options,
        string providerName,
        ILogger logger,
        TimeProvider timeProvider,
        RateLimiter? rateLimiter,
        CdrMetrics metrics)
    {
        builder.TimeProvider = timeProvider;
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.TotalTimeout, Name = "total-timeout" });

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,

                // The delay generator below reads Retry-After and x-ratelimit-reset (capped by MaxRetryAfter).
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter.Read(response, timeProvider) : null),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    metrics.Retries.Add(1, new KeyValuePair<string, object?>("cdrsdk.provider", providerName));
                    Log.Retrying(logger, providerName, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?",
                        args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds, Describe(args.Outcome));
                    return default;
                },
            });
        }

        if (options.EnableCircuitBreaker)
        {
            // One breaker per named client, kept by the pipeline registry of the container: it outlives handler rotation.
            builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                Name = "circuit-breaker",
                FailureRatio = options.CircuitBreakerFailureRatio,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context)),
                OnOpened = args =>
                {
                    Log.CircuitOpened(logger, providerName, (long)args.BreakDuration.TotalMilliseconds);
                    return default;
                },
                OnClosed = _ =>
                {
                    Log.CircuitClosed(logger, providerName);
                    return default;
                },
            });
        }

        if (rateLimiter is not null)
        {
            // Inside the retry: every attempt waits for a token of the provider's bucket, shared by all its calls.
            builder.AddRateLimiter(rateLimiter);
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout, Name = "attempt-timeout" });
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (outcome.Exception is { } exception)
        {
            return !context.CancellationToken.IsCancellationRequested && TransientFailure.IsTransientException(exception);
        }

        return outcome.Result is { } response && TransientFailure.IsTransientStatus(response.StatusCode);
    }

    private static bool ShouldRetry(
        Outcome<HttpResponseMessage> outcome, ResilienceContext context, CdrResilienceOptions options, TimeProvider timeProvider)
    {
        if (!IsTransient(outcome, context))
        {
            return false;
        }

        var request = context.GetRequestMessage();
        var idempotent = request is null || TransientFailure.IsIdempotent(request);

        if (outcome.Exception is { } exception)
        {
            return idempotent || TransientFailure.NeverReachedServer(exception);
        }

        var response = outcome.Result!;
        if (!idempotent && (int)response.StatusCode != 429)
        {
            // A POST answered with 5xx/408 may have been processed: re-sending could create a second report.
            return false;
        }

        var requested = RetryAfter.Read(response, timeProvider);
        return requested is null || requested <= options.MaxRetryAfter;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "attempt timeout",
        { Exception: BrokenCircuitException } => "circuit open",
        { Exception: HttpRequestException http } => "network error (" + http.HttpRequestError + ")",
        { Exception: { } e } => e.GetType().Name,
        { Result: { } r } => "HTTP " + (int)r.StatusCode,
        _ => "unknown outcome",
    };
}
