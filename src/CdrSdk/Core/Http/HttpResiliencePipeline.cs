using System.Net.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CdrSdk.Core.Http;

/// <summary>
/// Builds the Polly.Core pipeline one provider's HTTP calls run through: total timeout, then retry, then circuit
/// breaker, then attempt timeout (the order of the .NET standard resilience handler). One pipeline per provider
/// lives as long as the client, so circuit state survives handler rotation by <c>IHttpClientFactory</c>.
/// </summary>
internal static class HttpResiliencePipeline
{
    /// <summary>The request being sent, stored in the resilience context for the retry predicate.</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("CdrSdk.Request");

    public static ResiliencePipeline<HttpResponseMessage> Build(
        CdrResilienceOptions options, CdrProvider? provider, ILogger logger, TimeProvider timeProvider)
    {
        var providerName = provider is { } p ? CdrTelemetry.ProviderName(p) : "download";
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = "CdrSdk." + providerName,
            TimeProvider = timeProvider,
        };

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout, Name = "total-timeout" });

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(ServerRequestedDelay(args.Outcome, timeProvider)),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    CdrTelemetry.Retries.Add(1, CdrTelemetry.ProviderTag(provider));
                    Log.Retrying(logger, providerName, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?",
                        args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds, Describe(args.Outcome));
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        if (options.EnableCircuitBreaker)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
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

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout, Name = "attempt-timeout" });
        return builder.Build();
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

        var request = context.Properties.GetValue(RequestKey, null!);
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

    private static TimeSpan? ServerRequestedDelay(Outcome<HttpResponseMessage> outcome, TimeProvider timeProvider) =>
        outcome.Result is { } response ? RetryAfter.Read(response, timeProvider) : null;

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "attempt timeout",
        { Exception: HttpRequestException http } => "network error (" + http.HttpRequestError + ")",
        { Exception: { } e } => e.GetType().Name,
        { Result: { } r } => "HTTP " + (int)r.StatusCode,
        _ => "unknown outcome",
    };
}
