using CdrSdk.Telnyx;

namespace CdrSdk.Tests.Core;

public sealed class OptionsTests
{
    [Fact]
    public void A_client_without_any_provider_cannot_be_built()
    {
        var ex = Assert.Throws<CdrValidationException>(() => new CdrClient(new CdrClientOptions()));

        // No single option is at fault (issue 12): the error names the options as a whole and lists every provider's keys.
        Assert.Equal("CdrClientOptions", ex.PropertyName);
        Assert.Equal(
            "CdrClientOptions: no provider is configured: set the credentials of at least one provider (Telnyx.ApiKey; Voiso.ApiKey with Voiso.ClusterId; Tsg.Token or Tsg.Email/Password; or Kazoo.BaseAddress with Kazoo.AuthToken, ApiKey or Username/Password).",
            ex.Message);
    }

    public static TheoryData<string, Action<CdrClientOptions>, string, string> BrokenOptions => new()
    {
        { "relative base address", o => o.Telnyx.BaseAddress = new Uri("/v2", UriKind.Relative), "Telnyx.BaseAddress", "absolute http or https URI" },
        { "ftp base address", o => o.Telnyx.BaseAddress = new Uri("ftp://telnyx.example"), "Telnyx.BaseAddress", "absolute http or https URI" },
        { "query in base address", o => o.Telnyx.BaseAddress = new Uri("https://telnyx.example/?x=1"), "Telnyx.BaseAddress", "query string" },
        { "user on v2", o => { o.Telnyx.ApiVersion = TelnyxApiVersion.V2; o.Telnyx.ApiUser = "me"; }, "Telnyx.ApiUser", "API v1 only" },
        { "undefined version", o => o.Telnyx.ApiVersion = (TelnyxApiVersion)3, "Telnyx.ApiVersion", "must be V1 or V2" },
        { "negative retries", o => o.Resilience.MaxRetries = -1, "Resilience.MaxRetries", "between 0 and 10" },
        { "zero base delay", o => o.Resilience.BaseDelay = TimeSpan.Zero, "Resilience.BaseDelay", "between 1 ms and 60 s" },
        { "max delay below base", o => o.Resilience.MaxDelay = TimeSpan.FromMilliseconds(1), "Resilience.MaxDelay", "between 2 s" },
        { "attempt timeout too short", o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(1), "Resilience.AttemptTimeout", "between 10 ms" },
        { "failure ratio zero", o => o.Resilience.CircuitBreakerFailureRatio = 0, "Resilience.CircuitBreakerFailureRatio", "above 0 and at most 1" },
        { "throughput one", o => o.Resilience.CircuitBreakerMinimumThroughput = 1, "Resilience.CircuitBreakerMinimumThroughput", "at least 2" },
        { "provider override", o => o.Telnyx.Resilience = new CdrResilienceOptions { MaxRetries = 99 }, "Telnyx.Resilience.MaxRetries", "between 0 and 10" },
        { "polling factor", o => o.Telnyx.Polling.BackoffFactor = 11, "Telnyx.Polling.BackoffFactor", "between 1 and 10" },
        { "polling max below initial", o => o.Telnyx.Polling.MaxInterval = TimeSpan.FromMilliseconds(10), "Telnyx.Polling.MaxInterval", "between 1 s" },
        { "user agent", o => o.UserAgent = "my app", "UserAgent", "ASCII letters" },
    };

    [Theory]
    [MemberData(nameof(BrokenOptions))]
    public void Each_invalid_setting_is_named_with_what_is_allowed(string because, Action<CdrClientOptions> breakIt, string property, string message)
    {
        var options = new CdrClientOptions { Telnyx = { ApiKey = "KEY-test-secret" } };
        breakIt(options);

        var error = Assert.Single(options.Validate(), e => e.PropertyName == property);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Throws<CdrValidationException>(() => new CdrClient(options));
        _ = because;
    }

    [Fact]
    public void The_base_address_defaults_to_the_version()
    {
        Assert.Equal(new Uri("https://api.telnyx.com"), new TelnyxOptions().EffectiveBaseAddress);
        Assert.Equal(new Uri("https://api.telnyx.com/v2"), new TelnyxOptions { ApiVersion = TelnyxApiVersion.V2 }.EffectiveBaseAddress);
    }

    [Fact]
    public async Task Secrets_never_appear_in_descriptions()
    {
        var options = new CdrClientOptions { Telnyx = { ApiKey = "KEY-very-secret-value", ApiUser = "someone@example.com" } };
        await using var client = new CdrClient(options);

        foreach (var text in new[] { options.ToString(), options.Telnyx.ToString(), client.ToString(), client.Telnyx.ToString()! })
        {
            Assert.DoesNotContain("KEY-very-secret-value", text, StringComparison.Ordinal);
            Assert.DoesNotContain("someone@example.com", text, StringComparison.Ordinal);
        }

        Assert.Contains("ApiKey = (set, redacted)", options.ToString(), StringComparison.Ordinal);
    }
}
