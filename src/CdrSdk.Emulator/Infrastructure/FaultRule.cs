namespace CdrSdk.Emulator;

/// <summary>A fault to inject into matching requests.</summary>
public sealed class FaultRule
{
    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; init; }

    /// <summary>Only requests with this method (any when <see langword="null"/>).</summary>
    public string? Method { get; init; }

    /// <summary>Only requests whose path starts with this (any when <see langword="null"/>).</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Only requests to this listener: <c>api</c> or <c>download</c> (any when <see langword="null"/>).</summary>
    public string? Origin { get; init; }

    /// <summary>How many matching requests the fault hits before it is used up. Default 1.</summary>
    public int Times { get; init; } = 1;

    /// <summary>How many matching requests pass untouched before the fault starts hitting (to fail, say, the fourth page). Default 0.</summary>
    public int After { get; init; }

    /// <summary>The status of a <see cref="FaultKind.Status"/> fault. Default 503.</summary>
    public int StatusCode { get; init; } = 503;

    /// <summary>The <c>Retry-After</c> seconds of a status fault, if any.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Extra response headers of a status fault (for example <c>x-ratelimit-reset</c>).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>The body of a status fault; a provider-style JSON error when <see langword="null"/>.</summary>
    public string? Body { get; init; }

    /// <summary>
    /// The body of the n-th hit (1-based) of a status fault, for answers that change from hit to hit (a cursor
    /// that never ends). Takes precedence over <see cref="Body"/>.
    /// </summary>
    public Func<int, string>? BodyForHit { get; init; }

    /// <summary>The raw bytes of a status fault's body (for example invalid UTF-8). Takes precedence over <see cref="Body"/>.</summary>
    public ReadOnlyMemory<byte>? BodyBytes { get; init; }

    /// <summary>
    /// When set, the rule hits each matching request with this probability (above 0, at most 1) instead of the
    /// next ones, drawn from the emulator's seeded random source; still at most <see cref="Times"/> times.
    /// </summary>
    public double? Probability { get; init; }

    /// <summary>The content type of <see cref="Body"/>. Default <c>application/json</c>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>The delay of a <see cref="FaultKind.Latency"/> fault.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Shorthand for <see cref="RetryAfterSeconds"/> as a time span.</summary>
    public TimeSpan? RetryAfter => RetryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null;

    internal int Remaining;

    internal int ToLetThrough;

    internal int Hits;

    internal bool Matches(string origin, string method, string path) =>
        (Origin is null || string.Equals(Origin, origin, StringComparison.OrdinalIgnoreCase))
        && (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase));
}
