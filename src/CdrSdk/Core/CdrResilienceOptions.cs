namespace CdrSdk;

/// <summary>
/// Retry, circuit-breaker and timeout settings, applied to every HTTP call of a provider (API calls and
/// downloads). The defaults follow the .NET standard resilience handler, with attempt and total timeouts sized
/// for report downloads.
/// </summary>
/// <remarks>
/// Retries happen on 408, 429, 5xx, network errors and attempt timeouts. A <c>POST</c> (or any request that is
/// not idempotent) is re-sent only when it cannot have reached the server: a failed connection, or a 429.
/// <c>Retry-After</c> (seconds or HTTP date) and Telnyx <c>x-ratelimit-reset</c> are honoured up to
/// <see cref="MaxRetryAfter"/>.
/// </remarks>
public sealed class CdrResilienceOptions
{
    /// <summary>How many times a failed call is retried. 0 to 10; default 3 (so at most 4 attempts).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; later delays grow exponentially with jitter. 1 ms to 1 minute; default 2 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest computed retry delay. At least <see cref="BaseDelay"/>; default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest server-requested wait (<c>Retry-After</c>, <c>x-ratelimit-reset</c>) the SDK will honour by
    /// waiting; a longer request ends the call with a <see cref="CdrApiException"/> carrying
    /// <see cref="CdrApiException.RetryAfter"/>. 0 to 1 hour; default 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time limit of one attempt, until the response headers arrive. 10 ms to 10 minutes; default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of one call including all retries and waits. At least <see cref="AttemptTimeout"/>; default 3 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Whether the circuit breaker is used. Default <see langword="true"/>.</summary>
    public bool EnableCircuitBreaker { get; set; } = true;

    /// <summary>Failure ratio in the sampling window that opens the circuit. Above 0 up to 1; default 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open. 2 or more; default 20.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>The window over which failures are counted. 500 ms or more; default 30 s.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before one trial call. 500 ms or more; default 5 s.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A client-side limit on requests per second to the provider (every attempt counts, retries included), so a
    /// burst of concurrent calls waits its turn instead of collecting 429s. <see langword="null"/> (default): no
    /// limit. Above 0 up to 10,000.
    /// </summary>
    public double? MaxRequestsPerSecond { get; set; }

    /// <summary>How many requests may go at once before <see cref="MaxRequestsPerSecond"/> spaces them out. 1 to 10,000; default 1.</summary>
    public int RateLimitBurst { get; set; } = 1;

    /// <summary>Creates a copy, so a provider can override settings without changing the shared defaults.</summary>
    /// <returns>A new instance with the same values.</returns>
    public CdrResilienceOptions Clone() => (CdrResilienceOptions)MemberwiseClone();

    internal void Validate(string prefix, List<CdrValidationError> errors)
    {
        OptionRules.InRange(errors, prefix + nameof(MaxRetries), MaxRetries, 0, 10);
        if (MaxRequestsPerSecond is { } rate && !(rate > 0 && rate <= 10_000))
        {
            errors.Add(new(prefix + nameof(MaxRequestsPerSecond), $"must be above 0 and at most 10000 (or null for no limit), but was {rate}."));
        }

        OptionRules.InRange(errors, prefix + nameof(RateLimitBurst), RateLimitBurst, 1, 10_000);
        OptionRules.InRange(errors, prefix + nameof(BaseDelay), BaseDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        OptionRules.InRange(errors, prefix + nameof(MaxDelay), MaxDelay, BaseDelay, TimeSpan.FromHours(1));
        OptionRules.InRange(errors, prefix + nameof(MaxRetryAfter), MaxRetryAfter, TimeSpan.Zero, TimeSpan.FromHours(1));
        OptionRules.InRange(errors, prefix + nameof(AttemptTimeout), AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10));
        OptionRules.InRange(errors, prefix + nameof(TotalTimeout), TotalTimeout, AttemptTimeout, TimeSpan.FromHours(24));
        if (!(CircuitBreakerFailureRatio > 0 && CircuitBreakerFailureRatio <= 1))
        {
            errors.Add(new(prefix + nameof(CircuitBreakerFailureRatio), $"must be above 0 and at most 1, but was {CircuitBreakerFailureRatio}."));
        }

        OptionRules.InRange(errors, prefix + nameof(CircuitBreakerMinimumThroughput), CircuitBreakerMinimumThroughput, 2, int.MaxValue);
        OptionRules.InRange(errors, prefix + nameof(CircuitBreakerSamplingDuration), CircuitBreakerSamplingDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1));
        OptionRules.InRange(errors, prefix + nameof(CircuitBreakerBreakDuration), CircuitBreakerBreakDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1));
    }
}
