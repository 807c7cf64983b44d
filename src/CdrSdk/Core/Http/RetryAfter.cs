using System.Globalization;

namespace CdrSdk.Core.Http;

/// <summary>Reads how long a server asked the client to wait: <c>Retry-After</c> or Telnyx <c>x-ratelimit-reset</c>.</summary>
internal static class RetryAfter
{
    private const long UnixEpochThreshold = 1_000_000_000;

    /// <summary>Returns the requested wait, or <see langword="null"/> when the response names none.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        // Rate-limit reset headers only mean "wait" when the request was actually throttled.
        if ((int)response.StatusCode == 429 && response.Headers.TryGetValues("x-ratelimit-reset", out var values))
        {
            var raw = values.FirstOrDefault();
            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                // Some gateways send an absolute Unix time instead of a number of seconds.
                if (seconds > UnixEpochThreshold)
                {
                    var wait = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)) - timeProvider.GetUtcNow();
                    return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
                }

                return TimeSpan.FromSeconds(seconds);
            }
        }

        return null;
    }
}
