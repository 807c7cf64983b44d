using System.Globalization;

namespace CdrSdk;

/// <summary>The SDK's ISO 8601 renderings of an instant, always in UTC, in one place.</summary>
internal static class IsoTime
{
    /// <summary><c>2026-11-20T21:05:57.123Z</c>: wire values (TSG variables, Voiso filters); fractions only when present.</summary>
    public static string Utc(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>2026-11-20T21:05:57.123+00:00</c>: wire values with an explicit offset (Telnyx request bodies).</summary>
    public static string UtcWithOffset(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'+00:00'", CultureInfo.InvariantCulture);

    /// <summary><c>2026-11-20T21:05:57Z</c>: instants in messages, to the second.</summary>
    public static string Seconds(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
