using CdrSdk.Emulator;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Telnyx;

/// <summary>Report operations: waiting, completion, reading rows, downloads without credentials, resuming, failures, cancellation.</summary>
public sealed class ReportOperationTests : IAsyncLifetime
{
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    [Theory]
    [InlineData(TelnyxApiVersion.V1)]
    [InlineData(TelnyxApiVersion.V2)]
    public async Task A_cdr_report_completes_and_its_rows_are_exactly_the_matching_calls(TelnyxApiVersion version)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = TestClients.Telnyx(_emulator, version);
        var start = TestTime.UtcDay(-2);
        var end = start.AddHours(12);
        var request = new CdrReportRequest
        {
            StartTime = start,
            EndTime = end,
            CallTypes = [TelnyxCallType.Inbound, TelnyxCallType.Outbound],
            RecordTypes = [TelnyxRecordType.Complete],
            Filters = ReportFilters.Where(Cli.StartsWith("+1312")).And(Cld.Contains("5")).Or(Tags.Any("vip")).Build(),
        };

        var operation = await client.Telnyx.CdrReports.StartAsync(request, ct);
        Assert.False(operation.HasCompleted);
        Assert.Throws<InvalidOperationException>(() => operation.Value);
        var seen = new List<ReportStatus>();
        var report = await operation.WaitForCompletionAsync(null, new SynchronousProgress<CdrReport>(r => seen.Add(r.Status)), ct);

        Assert.True(operation.HasCompleted);
        Assert.True(operation.HasValue);
        Assert.Equal(ReportStatus.Complete, report.Status);
        Assert.NotNull(report.ReportUrl);
        Assert.Equal(ReportStatus.Pending, seen[0]);
        Assert.Equal(ReportStatus.Complete, seen[^1]);

        var expected = _emulator.Data.Calls(start, end)
            .Where(c => c.Disposition == "answered")
            .Where(c => (c.From.StartsWith("+1312", StringComparison.Ordinal) && c.To.Contains('5', StringComparison.Ordinal)) || c.Tags.Contains("vip"))
            .ToList();
        var rows = new List<CdrReportRow>();
        await foreach (var row in operation.ReadRowsAsync(ct))
        {
            rows.Add(row);
        }

        Assert.True(expected.Count > 20, "the window should hold a meaningful number of calls");
        Assert.Equal(expected.Select(c => c.Id), rows.Select(r => r.Id));
        var first = rows[0];
        var call = expected[0];
        Assert.Equal(call.From, first.Cli);
        Assert.Equal(call.To, first.Cld);
        Assert.Equal(call.Direction, first.Direction);
        Assert.Equal(call.StartedAt, first.StartedAt);
        Assert.Equal(call.AnsweredAt, first.AnsweredAt);
        Assert.Equal(call.EndedAt, first.EndedAt);
        Assert.Equal(call.DurationSeconds, first.DurationSeconds);
        Assert.Equal(call.BillableSeconds, first.BilledSeconds);
        Assert.Equal(call.Cost, first.Cost);
        Assert.Equal(call.Rate, first.Rate);
        Assert.Equal("USD", first.Currency);
        Assert.Equal(call.ConnectionId, first.ConnectionId);
        Assert.Equal(call.Tags, first.Tags);
        Assert.Equal(call.HangupCause, first["Hangup Cause"]);
    }

    [Theory]
    [InlineData(TelnyxApiVersion.V1)]
    [InlineData(TelnyxApiVersion.V2)]
    public async Task An_mdr_report_yields_the_matching_messages(TelnyxApiVersion version)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = TestClients.Telnyx(_emulator, version);
        var start = TestTime.UtcDay(-3);
        var end = start.AddHours(6);
        var operation = await client.Telnyx.MdrReports.StartAsync(new MdrReportRequest
        {
            StartTime = start,
            EndTime = end,
            Directions = [MessageDirection.Inbound],
            RecordTypes = [TelnyxRecordType.Complete, TelnyxRecordType.Errors],
        }, ct);
        await operation.WaitForCompletionAsync(ct);

        var rows = new List<MdrReportRow>();
        await foreach (var row in operation.ReadRowsAsync(ct))
        {
            rows.Add(row);
        }

        var expected = _emulator.Data.Messages(start, end).Where(m => m.Direction == "inbound" && m.Status is "delivered" or "failed").ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(m => m.Id), rows.Select(r => r.Id));
        Assert.Equal(expected[0].Parts, rows[0].Parts);
        Assert.Equal(expected[0].Status, rows[0].Status);
        Assert.Equal(expected[0].CreatedAt, rows[0].CreatedAt);
        Assert.Equal(expected[0].ProfileId, rows[0].ProfileId);
    }

    [Theory]
    [InlineData(TelnyxApiVersion.V1)]
    [InlineData(TelnyxApiVersion.V2)]
    public async Task The_report_file_is_downloaded_from_the_other_host_without_any_credential(TelnyxApiVersion version)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = TestClients.Telnyx(_emulator, version);
        var start = TestTime.UtcDay(-1);
        var operation = await client.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = start, EndTime = start.AddHours(2) }, ct);
        await operation.WaitForCompletionAsync(ct);

        await using (var stream = await operation.OpenReadAsync(ct))
        using (var reader = new StreamReader(stream))
        {
            var header = await reader.ReadLineAsync(ct);
            Assert.StartsWith("uuid,start_time", header, StringComparison.Ordinal);
        }

        var requests = _emulator.Requests.Snapshot();
        var download = Assert.Single(requests, r => r.Origin == "download");
        Assert.Equal(200, download.StatusCode);
        Assert.DoesNotContain(download.Headers.Keys, k => k is "authorization" or "x-api-user" or "x-api-token");
        Assert.DoesNotContain(_emulator.Options.TelnyxApiKey, string.Join("|", download.Headers.Values), StringComparison.Ordinal);
        Assert.All(requests.Where(r => r.Origin == "api"), r => Assert.True(r.Headers.ContainsKey("authorization") || r.Headers.ContainsKey("x-api-token")));
    }

    [Fact]
    public async Task An_operation_saved_by_id_resumes_in_another_client()
    {
        var ct = TestContext.Current.CancellationToken;
        string id;
        await using (var first = TestClients.Telnyx(_emulator))
        {
            var started = await first.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = DateTimeOffset.UtcNow.AddHours(-5), EndTime = DateTimeOffset.UtcNow.AddHours(-1) }, ct);
            id = started.Id;
        }

        await using var second = TestClients.Telnyx(_emulator);
        var resumed = second.Telnyx.CdrReports.ResumeOperation(id);
        Assert.Equal(ReportStatus.Unknown, resumed.Status);
        Assert.Null(resumed.Report);

        var report = await resumed.WaitForCompletionAsync(ct);

        Assert.Equal(id, report.Id);
        Assert.Equal(ReportStatus.Complete, resumed.Status);
        var count = 0;
        await foreach (var row in resumed.ReadRowsAsync(ct))
        {
            Assert.NotNull(row.Id);
            count++;
        }

        Assert.True(count > 0);
    }

    [Theory]
    [InlineData(false, ReportStatus.Failed)]
    [InlineData(true, ReportStatus.Expired)]
    public async Task A_report_that_ends_without_a_file_fails_the_wait_with_its_status(bool expired, ReportStatus status)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var emulator = await TestClients.StartEmulatorAsync(o => o.ReportCompletionDelay = TimeSpan.FromHours(1));
        await using var client = TestClients.Telnyx(emulator);
        var operation = await client.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = DateTimeOffset.UtcNow.AddHours(-5), EndTime = DateTimeOffset.UtcNow }, ct);
        Assert.True(emulator.EndTelnyxReportWithoutFile(operation.Id, expired));

        var ex = await Assert.ThrowsAsync<ReportOperationException>(() => operation.WaitForCompletionAsync(ct));

        Assert.Equal(status, ex.Status);
        Assert.Equal(operation.Id, ex.ReportId);
        Assert.Contains($"ended as {status}", ex.Message, StringComparison.Ordinal);
        Assert.True(operation.HasCompleted);
        Assert.False(operation.HasValue);
        await Assert.ThrowsAsync<ReportOperationException>(() => client.Telnyx.CdrReports.OpenReadAsync(operation.Report!, ct));
    }

    [Fact]
    public async Task Waiting_polls_with_growing_intervals_on_the_injected_clock_and_stops_on_cancellation()
    {
        await using var emulator = await TestClients.StartEmulatorAsync(o => o.ReportCompletionDelay = TimeSpan.FromHours(1));
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var client = TestClients.Telnyx(emulator, configure: o =>
        {
            o.Telnyx.Polling.InitialInterval = TimeSpan.FromSeconds(2);
            o.Telnyx.Polling.BackoffFactor = 2;
            o.Telnyx.Polling.MaxInterval = TimeSpan.FromSeconds(5);
            o.Telnyx.Polling.Timeout = null;
        }, timeProvider: clock);
        var operation = await client.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = DateTimeOffset.UtcNow.AddHours(-5), EndTime = DateTimeOffset.UtcNow.AddHours(-1) }, TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();

        var wait = operation.WaitForCompletionAsync(cts.Token);
        int Polls() => emulator.Requests.Snapshot().Count(r => r.Method == "GET");

        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(0, Polls());
        clock.Advance(TimeSpan.FromSeconds(2));
        await WaitUntilAsync(() => Polls() == 1);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(4));
        clock.Advance(TimeSpan.FromSeconds(3.9));
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal(1, Polls());
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await WaitUntilAsync(() => Polls() == 2);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(5));

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Equal(2, Polls());
        Assert.False(operation.HasCompleted);
    }

    [Fact]
    public async Task The_polling_timeout_ends_the_wait_with_a_resumable_report_error()
    {
        await using var emulator = await TestClients.StartEmulatorAsync(o => o.ReportCompletionDelay = TimeSpan.FromHours(1));
        await using var client = TestClients.Telnyx(emulator);
        var operation = await client.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = DateTimeOffset.UtcNow.AddHours(-5), EndTime = DateTimeOffset.UtcNow }, TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<ReportOperationException>(() => operation.WaitForCompletionAsync(
            new ReportPollingOptions { InitialInterval = TimeSpan.FromMilliseconds(20), MaxInterval = TimeSpan.FromMilliseconds(40), Timeout = TimeSpan.FromMilliseconds(300) },
            null,
            TestContext.Current.CancellationToken));

        Assert.Equal(ReportStatus.Pending, ex.Status);
        Assert.Contains($"ResumeOperation(\"{operation.Id}\")", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_polling_options_are_rejected_before_waiting()
    {
        await using var client = TestClients.Telnyx(_emulator);
        var operation = client.Telnyx.CdrReports.ResumeOperation("some-id");

        var ex = await Assert.ThrowsAsync<CdrValidationException>(() => operation.WaitForCompletionAsync(
            new ReportPollingOptions { BackoffFactor = 0.5 }, null, TestContext.Current.CancellationToken));

        Assert.Equal("polling.BackoffFactor", ex.PropertyName);
        Assert.Contains("between 1 and 10", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Requests.Snapshot());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
