namespace CdrSdk.Voiso;

/// <summary>
/// A filter on a number (a score, a duration in seconds): one exact value, or a range with a lower bound, an
/// upper bound, or both (inclusive). Sent as <c>key=value</c> or <c>key[gte]=min&amp;key[lte]=max</c>.
/// </summary>
public sealed record VoisoNumberFilter
{
    /// <summary>Exactly this value (<c>key=value</c>). Not combinable with <see cref="Min"/>/<see cref="Max"/>.</summary>
    public long? Exactly { get; init; }

    /// <summary>At least this value (<c>key[gte]</c>).</summary>
    public long? Min { get; init; }

    /// <summary>At most this value (<c>key[lte]</c>).</summary>
    public long? Max { get; init; }

    /// <summary>Exactly <paramref name="value"/>.</summary>
    /// <param name="value">0 or more.</param>
    /// <returns>The filter.</returns>
    public static VoisoNumberFilter Equal(long value) => new() { Exactly = value };

    /// <summary>From <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    /// <param name="min">The lower bound, 0 or more.</param>
    /// <param name="max">The upper bound, at least <paramref name="min"/>.</param>
    /// <returns>The filter.</returns>
    public static VoisoNumberFilter Between(long min, long max) => new() { Min = min, Max = max };

    /// <summary><paramref name="min"/> or more.</summary>
    /// <param name="min">The lower bound, 0 or more.</param>
    /// <returns>The filter.</returns>
    public static VoisoNumberFilter AtLeast(long min) => new() { Min = min };

    /// <summary><paramref name="max"/> or less.</summary>
    /// <param name="max">The upper bound, 0 or more.</param>
    /// <returns>The filter.</returns>
    public static VoisoNumberFilter AtMost(long max) => new() { Max = max };

    /// <summary>Whether a value passes the filter.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Matches(long value) =>
        (Exactly is not { } e || value == e) && (Min is not { } min || value >= min) && (Max is not { } max || value <= max);
}
