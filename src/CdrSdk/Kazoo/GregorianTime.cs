namespace CdrSdk.Kazoo;

/// <summary>
/// Kazoo counts time in gregorian seconds: seconds since 0001-01-01T00:00:00Z (Erlang's calendar). Unix time is
/// gregorian time minus 62,167,219,200.
/// </summary>
public static class GregorianTime
{
    /// <summary>Gregorian seconds at the Unix epoch (1970-01-01T00:00:00Z): 62,167,219,200.</summary>
    public const long UnixEpoch = 62_167_219_200;

    /// <summary>Converts gregorian seconds to an instant (UTC).</summary>
    /// <param name="gregorianSeconds">Seconds since 0001-01-01T00:00:00Z.</param>
    /// <returns>The instant.</returns>
    public static DateTimeOffset ToDateTimeOffset(long gregorianSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(gregorianSeconds - UnixEpoch);

    /// <summary>Converts an instant to gregorian seconds, rounding down to the whole second.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>Seconds since 0001-01-01T00:00:00Z.</returns>
    public static long FromDateTimeOffset(DateTimeOffset value) => value.ToUnixTimeSeconds() + UnixEpoch;

    /// <summary>Converts an instant to gregorian seconds, rounding up to the whole second.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>Seconds since 0001-01-01T00:00:00Z.</returns>
    internal static long FromDateTimeOffsetCeiling(DateTimeOffset value)
    {
        var floor = FromDateTimeOffset(value);
        return ToDateTimeOffset(floor) < value ? floor + 1 : floor;
    }
}
