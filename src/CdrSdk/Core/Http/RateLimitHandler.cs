using System.Threading.RateLimiting;

namespace CdrSdk.Core.Http;

/// <summary>
/// Spaces out the requests to one provider (<see cref="CdrResilienceOptions.MaxRequestsPerSecond"/>): every
/// attempt waits for a token of the provider's bucket, shared by all the client's calls, so a burst of concurrent
/// calls stays under the provider's limit. Sits below the resilience handler, so retries are counted too.
/// </summary>
internal sealed class RateLimitHandler : DelegatingHandler
{
    private readonly RateLimiter _limiter;

    public RateLimitHandler(RateLimiter limiter)
    {
        _limiter = limiter;
    }

    /// <summary>A token bucket for the settings: <c>burst</c> tokens, one more every <c>1 / rate</c> seconds; waiters queue in order.</summary>
    public static RateLimiter CreateLimiter(double requestsPerSecond, int burst) => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1 / requestsPerSecond),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new CdrTransportException("The client-side rate limiter refused the request.") { Failure = CdrTransportFailure.Network };
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
