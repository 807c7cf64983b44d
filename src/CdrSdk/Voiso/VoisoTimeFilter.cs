namespace CdrSdk.Voiso;

/// <summary>
/// A filter on a time (<c>started_at</c>, <c>ended_at</c>): one exact instant, or a range [<see cref="From"/>,
/// <see cref="To"/>) with either bound optional. Sent in UTC ISO 8601 as <c>key=t</c> or
/// <c>key[gte]=from&amp;key[lt]=to</c>.
/// </summary>
public sealed record VoisoTimeFilter
{
    /// <summary>Exactly this instant (<c>key=t</c>). Not combinable with a range.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>At or after this instant (<c>key[gte]</c>).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Before this instant (<c>key[lt]</c>).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>[<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end, after <paramref name="from"/>.</param>
    /// <returns>The filter.</returns>
    public static VoisoTimeFilter Between(DateTimeOffset from, DateTimeOffset to) => new() { From = from, To = to };

    /// <summary>At or after <paramref name="from"/>.</summary>
    /// <param name="from">Inclusive start.</param>
    /// <returns>The filter.</returns>
    public static VoisoTimeFilter Since(DateTimeOffset from) => new() { From = from };

    /// <summary>Before <paramref name="to"/>.</summary>
    /// <param name="to">Exclusive end.</param>
    /// <returns>The filter.</returns>
    public static VoisoTimeFilter Before(DateTimeOffset to) => new() { To = to };

    /// <summary>Whether an instant passes the filter.</summary>
    /// <param name="value">The instant.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Matches(DateTimeOffset value) =>
        (At is not { } at || value == at) && (From is not { } from || value >= from) && (To is not { } to || value < to);
}
