using CdrSdk.Emulator;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Telnyx;

/// <summary>Create, get, list and delete for CDR and MDR reports, in API v1 and v2, against the emulator over loopback.</summary>
public sealed class ReportLifecycleTests : IAsyncLifetime
{
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync(o => o.ReportCompletionDelay = TimeSpan.FromHours(1));

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    [Theory]
    [InlineData(TelnyxApiVersion.V1)]
    [InlineData(TelnyxApiVersion.V2)]
    public async Task Cdr_report_requests_can_be_created_read_listed_and_deleted(TelnyxApiVersion version)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = TestClients.Telnyx(_emulator, version);
        var reports = client.Telnyx.CdrReports;
        var start = TestTime.UtcDay(-2);
        var request = new CdrReportRequest
        {
            StartTime = start,
            EndTime = start.AddDays(1),
            CallTypes = [TelnyxCallType.Inbound, TelnyxCallType.Outbound],
            RecordTypes = [TelnyxRecordType.Complete, TelnyxRecordType.Errors],
            Connections = ["1001"],
            ReportName = "lifecycle",
            Source = CdrReportSource.CallControl,
            Filters = ReportFilters.Where(Cli.StartsWith("+1312")).Or(Tags.Any("vip")).Build(),
        };

        var created = await reports.CreateAsync(request, ct);

        Assert.Equal(ReportStatus.Pending, created.Status);
        Assert.Null(created.ReportUrl);
        Assert.Equal(start, created.StartTime);
        Assert.Equal(start.AddDays(1), created.EndTime);
        Assert.Equal([TelnyxCallType.Inbound, TelnyxCallType.Outbound], created.CallTypes);
        Assert.Equal([TelnyxRecordType.Complete, TelnyxRecordType.Errors], created.RecordTypes);
        Assert.Equal(["1001"], created.Connections);
        Assert.Equal("lifecycle", created.ReportName);
        Assert.Equal(CdrReportSource.CallControl, created.Source);
        Assert.Equal(request.Filters, created.Filters);
        Assert.NotNull(created.CreatedAt);

        var fetched = await reports.GetAsync(created.Id, ct);
        Assert.Equal(created.Id, fetched.Id);
        Assert.Equal(created.Filters, fetched.Filters);

        var second = await reports.CreateAsync(request with { ReportName = "second" }, ct);
        var listed = new List<CdrReport>();
        await foreach (var report in reports.ListAsync(ct))
        {
            listed.Add(report);
        }

        Assert.Equal(2, listed.Count);
        Assert.Equal(new[] { created.Id, second.Id }.Order(), listed.Select(r => r.Id).Order());

        await reports.DeleteAsync(created.Id, ct);
        var missing = await Assert.ThrowsAsync<CdrApiException>(() => reports.GetAsync(created.Id, ct));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("10005", missing.ErrorCode);
        Assert.Equal("Resource not found", missing.ErrorTitle);
    }

    [Theory]
    [InlineData(TelnyxApiVersion.V1)]
    [InlineData(TelnyxApiVersion.V2)]
    public async Task Mdr_report_requests_can_be_created_read_listed_and_deleted(TelnyxApiVersion version)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = TestClients.Telnyx(_emulator, version);
        var reports = client.Telnyx.MdrReports;
        var start = TestTime.UtcDay(-3);
        var request = new MdrReportRequest
        {
            StartTime = start,
            EndTime = start.AddDays(1),
            Directions = [MessageDirection.Outbound],
            RecordTypes = [TelnyxRecordType.Complete],
            Profiles = ["4001a7f2-0000-4000-8000-00000000000a"],
            Connections = ["42"],
            Timezone = "UTC",
            ReportName = "messages",
        };

        var created = await reports.CreateAsync(request, ct);

        Assert.Equal(ReportStatus.Pending, created.Status);
        Assert.Equal(start, created.StartTime);
        Assert.Equal(start.AddDays(1), created.EndTime);
        Assert.Equal([MessageDirection.Outbound], created.Directions);
        Assert.Equal([TelnyxRecordType.Complete], created.RecordTypes);
        Assert.Equal(["4001a7f2-0000-4000-8000-00000000000a"], created.Profiles);
        Assert.Equal(["42"], created.Connections);
        Assert.Equal("messages", created.ReportName);

        Assert.Equal(created.Id, (await reports.GetAsync(created.Id, ct)).Id);

        var ids = new List<string>();
        await foreach (var report in reports.ListAsync(ct))
        {
            ids.Add(report.Id);
        }

        Assert.Equal([created.Id], ids);
        await reports.DeleteAsync(created.Id, ct);
        await foreach (var report in reports.ListAsync(ct))
        {
            Assert.Fail($"report {report.Id} should have been deleted");
        }
    }

    [Theory]
    [InlineData(TelnyxApiVersion.V1)]
    [InlineData(TelnyxApiVersion.V2)]
    public async Task Listing_pages_through_every_report_exactly_once_and_resumes_from_a_token(TelnyxApiVersion version)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = TestClients.Telnyx(_emulator, version);
        var reports = client.Telnyx.CdrReports;
        var start = TestTime.UtcDay(-1);
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await reports.CreateAsync(new CdrReportRequest { StartTime = start, EndTime = start.AddHours(i + 1) }, ct)).Id);
        }

        var pages = new List<CdrSdk.Paging.Page<CdrReport>>();
        await foreach (var page in reports.ListAsync(ct).AsPages(pageSizeHint: 3))
        {
            pages.Add(page);
        }

        Assert.Equal([3, 3, 1], pages.Select(p => p.Values.Count));
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(created.Order(), pages.SelectMany(p => p.Values).Select(r => r.Id).Order());

        var resumed = new List<string>();
        await foreach (var page in reports.ListAsync(ct).AsPages(pages[0].ContinuationToken))
        {
            resumed.AddRange(page.Values.Select(r => r.Id));
        }

        Assert.Equal(pages.Skip(1).SelectMany(p => p.Values).Select(r => r.Id), resumed);
    }

    [Fact]
    public async Task V2_lists_the_available_cdr_fields_and_v1_says_it_has_none()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var v2 = TestClients.Telnyx(_emulator, TelnyxApiVersion.V2);
        await using var v1 = TestClients.Telnyx(_emulator, TelnyxApiVersion.V1);

        var fields = await v2.Telnyx.CdrReports.GetFieldsAsync(ct);

        Assert.Contains("cost", fields["Billing"]);
        Assert.Contains("cli", fields["Number Information"]);
        await Assert.ThrowsAsync<NotSupportedException>(() => v1.Telnyx.CdrReports.GetFieldsAsync(ct));
    }

    [Fact]
    public async Task V1_authenticates_with_a_token_header_when_no_user_is_configured()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = new CdrClient(TestClients.TelnyxOptions(_emulator, TelnyxApiVersion.V1, withApiUser: false));

        await client.Telnyx.CdrReports.CreateAsync(new CdrReportRequest { StartTime = DateTimeOffset.UtcNow.AddHours(-3), EndTime = DateTimeOffset.UtcNow }, ct);

        var sent = Assert.Single(_emulator.Requests.Snapshot());
        Assert.Equal("Token " + _emulator.Options.TelnyxApiKey, sent.Headers["authorization"]);
        Assert.False(sent.Headers.ContainsKey("x-api-user"));
    }

    [Theory]
    [InlineData(TelnyxApiVersion.V1)]
    [InlineData(TelnyxApiVersion.V2)]
    public async Task A_wrong_key_surfaces_the_telnyx_authentication_error(TelnyxApiVersion version)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = TestClients.Telnyx(_emulator, version, o => o.Telnyx.ApiKey = "KEY-wrong-secret");

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Telnyx.CdrReports.GetAsync("anything", ct));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("10009", ex.ErrorCode);
        Assert.Equal("Authentication failed", ex.ErrorTitle);
        Assert.Contains("HTTP 401", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("KEY-wrong-secret", ex.ToString(), StringComparison.Ordinal);
        Assert.Single(_emulator.Requests.Snapshot());
    }
}
