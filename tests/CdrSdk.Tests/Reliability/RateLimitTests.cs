using CdrSdk.Emulator;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Reliability;

/// <summary>The client-side rate limit keeps a burst of concurrent calls under the provider's limit.</summary>
public sealed class RateLimitTests
{
    private static readonly CdrSdk.Voiso.VoisoCdrQuery Day = new() { StartedAt = CdrSdk.Voiso.VoisoTimeFilter.Between(TestTime.UtcDay(-3), TestTime.UtcDay(-2)) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_burst_of_calls_stays_under_the_provider_limit_instead_of_collecting_429s()
    {
        await using var emulator = await TestClients.StartEmulatorAsync(o =>
        {
            o.RateLimitPerSecond = 20;
            o.RateLimitBurst = 5;
        });
        await using var unlimited = TestClients.Voiso(emulator, o => o.Resilience = Fast(null));
        await using var limited = TestClients.Voiso(emulator, o => o.Resilience = Fast(18));

        var refused = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            try
            {
                await unlimited.Voiso.Cdrs.CountAsync(Day, Ct);
                return false;
            }
            catch (CdrApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                return true;
            }
        }));
        var withoutLimit = emulator.Requests.Snapshot().Count(r => r.StatusCode == 429);
        await Task.Delay(1000, Ct);
        emulator.Requests.Clear();
        var started = DateTimeOffset.UtcNow;
        var counts = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => limited.Voiso.Cdrs.CountAsync(Day, Ct)));
        var elapsed = DateTimeOffset.UtcNow - started;

        var requests = emulator.Requests.Snapshot();
        Assert.True(withoutLimit > 0, "the emulator's limit should reject part of an unlimited burst");
        Assert.Equal(withoutLimit, refused.Count(r => r));
        Assert.Equal(30, requests.Count);
        Assert.All(requests, r => Assert.Equal(200, r.StatusCode));
        Assert.All(counts, c => Assert.Equal(counts[0], c));
        Assert.True(elapsed >= TimeSpan.FromSeconds(1.2), $"30 requests at 18/s after a burst of 5 cannot take {elapsed}");
        foreach (var request in requests)
        {
            var inOneSecond = requests.Count(r => r.ReceivedAt > request.ReceivedAt.AddSeconds(-1) && r.ReceivedAt <= request.ReceivedAt);
            Assert.True(inOneSecond <= 5 + 18 + 1, $"{inOneSecond} requests within one second");
        }
    }

    [Fact]
    public void A_rate_outside_its_range_is_rejected_with_the_option_name()
    {
        var ex = Assert.Throws<CdrValidationException>(() => new CdrClient(new CdrClientOptions
        {
            Voiso = { ClusterId = "acme", ApiKey = "k" },
            Resilience = { MaxRequestsPerSecond = 0, RateLimitBurst = 0 },
        }));

        Assert.Contains(ex.Errors, e => e.PropertyName == "Resilience.MaxRequestsPerSecond" && e.Message.Contains("above 0", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.PropertyName == "Resilience.RateLimitBurst");
    }

    private static CdrResilienceOptions Fast(double? rate)
    {
        var options = TestClients.FastResilience();
        options.MaxRequestsPerSecond = rate;
        options.RateLimitBurst = 5;
        options.MaxRetries = 0;
        options.EnableCircuitBreaker = false;
        return options;
    }
}
