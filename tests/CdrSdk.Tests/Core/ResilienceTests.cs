using System.Net;
using CdrSdk.Emulator;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Core;

/// <summary>Retries, Retry-After, POST safety, timeouts and the circuit breaker, end to end through the emulator.</summary>
public sealed class ResilienceTests : IAsyncLifetime
{
    private const string CdrPath = "/reporting/cdr_requests";
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync(o => o.ReportCompletionDelay = TimeSpan.FromHours(1));

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_429_is_retried_after_the_seconds_in_Retry_After()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var client = TestClients.Telnyx(_emulator, timeProvider: clock);
        var report = await client.Telnyx.CdrReports.CreateAsync(Request(), Ct);
        _emulator.Faults.Add(new FaultRule { Method = "GET", PathPrefix = CdrPath, StatusCode = 429, RetryAfterSeconds = 7 });

        var get = client.Telnyx.CdrReports.GetAsync(report.Id, Ct);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        Assert.False(get.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(7));

        Assert.Equal(report.Id, (await get).Id);
        Assert.Equal([429, 200], Statuses("GET"));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_telnyx_rate_limit_reset()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var client = TestClients.Telnyx(_emulator, timeProvider: clock);
        _emulator.Faults.Add(new FaultRule
        {
            Method = "POST",
            StatusCode = 429,
            Headers = new Dictionary<string, string> { ["x-ratelimit-limit"] = "10", ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = "3" },
        });

        var create = client.Telnyx.CdrReports.CreateAsync(Request(), Ct);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.False(string.IsNullOrEmpty((await create).Id));
        Assert.Equal([429, 200], Statuses("POST"));
        Assert.Equal(1, _emulator.TelnyxReportCount);
    }

    [Fact]
    public async Task A_503_and_a_dropped_connection_are_retried_for_a_get()
    {
        await using var client = TestClients.Telnyx(_emulator);
        var report = await client.Telnyx.CdrReports.CreateAsync(Request(), Ct);
        _emulator.Faults.Add(new FaultRule { Method = "GET", StatusCode = 503 });
        _emulator.Faults.Add(new FaultRule { Method = "GET", Kind = FaultKind.Abort });

        var fetched = await client.Telnyx.CdrReports.GetAsync(report.Id, Ct);

        Assert.Equal(report.Id, fetched.Id);
        Assert.Equal([503, 0, 200], Statuses("GET"));
    }

    [Fact]
    public async Task A_body_cut_off_mid_way_is_fetched_again_for_a_get()
    {
        await using var client = TestClients.Telnyx(_emulator);
        var report = await client.Telnyx.CdrReports.CreateAsync(Request(), Ct);
        _emulator.Faults.Add(new FaultRule { Method = "GET", Kind = FaultKind.TruncateBody });

        var fetched = await client.Telnyx.CdrReports.GetAsync(report.Id, Ct);

        Assert.Equal(report.Id, fetched.Id);
        Assert.Equal(2, Statuses("GET").Count);
    }

    [Fact]
    public async Task A_post_answered_with_500_is_not_sent_again()
    {
        await using var client = TestClients.Telnyx(_emulator);
        _emulator.Faults.Add(new FaultRule { Method = "POST", StatusCode = 500, Times = 3 });

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Telnyx.CdrReports.CreateAsync(Request(), Ct));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Equal([500], Statuses("POST"));
    }

    [Fact]
    public async Task A_post_whose_connection_dropped_is_not_sent_again()
    {
        await using var client = TestClients.Telnyx(_emulator);
        _emulator.Faults.Add(new FaultRule { Method = "POST", Kind = FaultKind.Abort, Times = 3 });

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => client.Telnyx.CdrReports.CreateAsync(Request(), Ct));

        Assert.Equal(CdrTransportFailure.Network, ex.Failure);
        Assert.Single(Statuses("POST"));
    }

    [Fact]
    public async Task A_post_is_resent_when_the_connection_could_not_be_made()
    {
        // Nothing listens on this port: every attempt fails to connect, so the SDK may retry even a POST.
        var port = FreePort();
        var clientOptions = TestClients.TelnyxOptions(_emulator, TelnyxApiVersion.V1);
        clientOptions.Telnyx.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        var logs = new CapturingLoggerProvider();
        await using var client = new CdrClient(clientOptions, logs.CreateFactory(), null);

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => client.Telnyx.CdrReports.CreateAsync(Request(), Ct));

        Assert.Equal(CdrTransportFailure.Network, ex.Failure);
        Assert.Equal(3, logs.Entries.Count(e => e.EventId.Id == 1003));
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_count_and_the_last_answer_is_reported()
    {
        await using var client = TestClients.Telnyx(_emulator, configure: o => o.Resilience.MaxRetries = 2);
        _emulator.Faults.Add(new FaultRule { Method = "GET", StatusCode = 502, Times = 10 });

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Telnyx.CdrReports.GetAsync("abc", Ct));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Equal("Injected fault", ex.ErrorTitle);
        Assert.Equal([502, 502, 502], Statuses("GET"));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_allowed_is_surfaced_instead_of_waited()
    {
        await using var client = TestClients.Telnyx(_emulator, configure: o => o.Resilience.MaxRetryAfter = TimeSpan.FromSeconds(5));
        _emulator.Faults.Add(new FaultRule { Method = "GET", StatusCode = 429, RetryAfterSeconds = 3600 });

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Telnyx.CdrReports.GetAsync("abc", Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Single(Statuses("GET"));
    }

    [Fact]
    public async Task A_slow_attempt_times_out_and_is_retried()
    {
        await using var setup = TestClients.Telnyx(_emulator);
        var report = await setup.Telnyx.CdrReports.CreateAsync(Request(), Ct);
        await using var client = TestClients.Telnyx(_emulator, configure: o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(1));
        _emulator.Faults.Add(new FaultRule { Method = "GET", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(10) });

        var fetched = await client.Telnyx.CdrReports.GetAsync(report.Id, Ct);

        Assert.Equal(report.Id, fetched.Id);
        Assert.Equal(2, _emulator.Requests.Snapshot().Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task The_total_timeout_ends_the_call_with_a_timeout_error()
    {
        await using var client = TestClients.Telnyx(_emulator, configure: o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(500);
        });
        _emulator.Faults.Add(new FaultRule { Method = "GET", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(5), Times = 10 });

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => client.Telnyx.CdrReports.GetAsync("abc", Ct));

        Assert.Equal(CdrTransportFailure.Timeout, ex.Failure);
        Assert.Contains("timed out: no answer within", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_stops_sending()
    {
        await using var client = await TrippedCircuitAsync("abc", TimeSpan.FromMinutes(1), clock: null);

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => client.Telnyx.CdrReports.GetAsync("abc", Ct));

        Assert.Equal(CdrTransportFailure.CircuitOpen, ex.Failure);
        Assert.Equal(3, Statuses("GET").Count);
    }

    [Fact]
    public async Task The_circuit_lets_a_trial_call_through_after_the_break_and_closes_when_the_provider_recovered()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var setup = TestClients.Telnyx(_emulator);
        var report = await setup.Telnyx.CdrReports.CreateAsync(Request(), Ct);
        await using var client = await TrippedCircuitAsync(report.Id, TimeSpan.FromSeconds(30), clock);

        var open = await Assert.ThrowsAsync<CdrTransportException>(() => client.Telnyx.CdrReports.GetAsync(report.Id, Ct));
        Assert.Equal(CdrTransportFailure.CircuitOpen, open.Failure);
        Assert.Contains("trial call through in 30 s", open.Message, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromSeconds(29));
        await Assert.ThrowsAsync<CdrTransportException>(() => client.Telnyx.CdrReports.GetAsync(report.Id, Ct));
        Assert.Equal(3, Statuses("GET").Count);

        // The provider recovered (no faults left): after the break the trial call goes through and closes the circuit.
        clock.Advance(TimeSpan.FromSeconds(2));
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await client.Telnyx.CdrReports.GetAsync(report.Id, Ct)).Id);
        }

        Assert.All(ids, id => Assert.Equal(report.Id, id));
        Assert.Equal([503, 503, 503, 200, 200, 200, 200, 200], Statuses("GET"));
    }

    [Fact]
    public async Task A_proxy_html_page_becomes_a_clear_invalid_response_error()
    {
        await using var client = TestClients.Telnyx(_emulator, configure: o => o.Resilience.MaxRetries = 0);
        _emulator.Faults.Add(new FaultRule { Method = "GET", StatusCode = 200, ContentType = "text/html", Body = "<html><body>Gateway says hi</body></html>" });

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => client.Telnyx.CdrReports.GetAsync("abc", Ct));

        Assert.Equal(CdrTransportFailure.InvalidResponse, ex.Failure);
        Assert.Contains("'text/html' instead of JSON", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Gateway says hi", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A client without retries whose circuit opens after three failures, and the three GETs that answered 503.</summary>
    private async Task<CdrClient> TrippedCircuitAsync(string reportId, TimeSpan breakDuration, TimeProvider? clock)
    {
        var client = TestClients.Telnyx(_emulator, timeProvider: clock, configure: o =>
        {
            o.Resilience.MaxRetries = 0;
            o.Resilience.CircuitBreakerMinimumThroughput = 3;
            o.Resilience.CircuitBreakerFailureRatio = 0.5;
            o.Resilience.CircuitBreakerBreakDuration = breakDuration;
        });
        _emulator.Faults.Add(new FaultRule { Method = "GET", StatusCode = 503, Times = 3 });
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<CdrApiException>(() => client.Telnyx.CdrReports.GetAsync(reportId, Ct));
        }

        return client;
    }

    private List<int> Statuses(string method) =>
        _emulator.Requests.Snapshot().Where(r => r.Method == method).Select(r => r.StatusCode).ToList();

    private static CdrReportRequest Request() => new() { StartTime = DateTimeOffset.UtcNow.AddHours(-3), EndTime = DateTimeOffset.UtcNow.AddHours(-1) };

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
