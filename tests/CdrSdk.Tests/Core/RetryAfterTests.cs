using System.Net;
using System.Net.Http.Headers;
using CdrSdk.Core.Http;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Core;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Now);

    [Fact]
    public void Seconds_and_dates_are_read_from_Retry_After()
    {
        using var seconds = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        seconds.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(12));
        using var date = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        date.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(30));
        using var past = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        past.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(-30));

        Assert.Equal(TimeSpan.FromSeconds(12), RetryAfter.Read(seconds, _clock));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.Read(date, _clock));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Read(past, _clock));
    }

    [Theory]
    [InlineData("4", 4.0)]
    [InlineData("0.5", 0.5)]
    [InlineData("1795428010", 10.0)]
    public void The_telnyx_rate_limit_reset_counts_on_a_429(string header, double expectedSeconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("x-ratelimit-reset", header);
        var clock = header.Length > 5 ? new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1795428000)) : _clock;

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryAfter.Read(response, clock));
    }

    [Fact]
    public void A_rate_limit_reset_without_throttling_means_nothing()
    {
        using var ok = new HttpResponseMessage(HttpStatusCode.OK);
        ok.Headers.TryAddWithoutValidation("x-ratelimit-reset", "30");
        using var garbage = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        garbage.Headers.TryAddWithoutValidation("x-ratelimit-reset", "soon");

        Assert.Null(RetryAfter.Read(ok, _clock));
        Assert.Null(RetryAfter.Read(garbage, _clock));
    }
}
