using System.Globalization;
using System.Text;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CdrSdk.Tests.Contract;

/// <summary>
/// Every Telnyx reporting endpoint, v1 (the seeds) and v2 (legacy reporting), against WireMock.Net stubs written
/// from the docs: the exact method, path, query, headers and body the SDK sends, and how it reads each documented
/// answer (v1 bare objects and arrays, v2 <c>{"data":...,"meta":...}</c>, v2 MDR string statuses and
/// <c>start_date</c>/<c>end_date</c>).
/// </summary>
public sealed class TelnyxContractTests : IDisposable
{
    private const string Json = "application/json";
    private const string Key = "KEY0123456789telnyx";
    private static readonly string UserAgent = "ContractTests/1.0 CdrSdk/" + CdrTelemetry.Version;
    private static readonly DateTimeOffset Start = TestTime.UtcDay(-2);
    private static readonly DateTimeOffset End = TestTime.UtcDay(-1);
    private readonly WireMockFixture _wire = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00";

    public void Dispose() => _wire.Dispose();

    [Fact]
    public async Task V1_create_cdr_request_posts_the_documented_body_with_the_api_user_headers_and_reads_the_bare_object()
    {
        Stub("/reporting/cdr_requests", "POST", $$"""{"id":"3f1a","start_time":"{{Iso(Start)}}","end_time":"{{Iso(End)}}","call_types":[1,2],"record_types":[1],"connections":["1234"],"report_name":"contract","status":1,"report_url":null,"filters":"[]","created_at":"2024-11-02T10:00:00Z","updated_at":"2024-11-02T10:00:00Z"}""");
        await using var client = V1Client();

        var report = await client.Telnyx.CdrReports.CreateAsync(new CdrReportRequest
        {
            StartTime = Start,
            EndTime = End,
            CallTypes = [TelnyxCallType.Inbound, TelnyxCallType.Outbound],
            RecordTypes = [TelnyxRecordType.Complete],
            Connections = ["1234"],
            ReportName = "contract",
            Source = CdrReportSource.Calls,
            Filters = ReportFilters.Where(Cli.StartsWith("+1312")).Or(Tags.Any("vip")).Build(),
        }, Ct);

        var sent = _wire.OnlyRequest();
        Assert.Equal("POST /reporting/cdr_requests", WireMockFixture.Line(sent));
        AssertV1Headers(sent);
        Assert.Equal("application/json; charset=utf-8", WireMockFixture.Header(sent, "Content-Type"));
        var body = $$"""{"start_time":"{{Iso(Start)}}","end_time":"{{Iso(End)}}","call_types":[1,2],"record_types":[1],"connections":["1234"],"report_name":"contract","source":"calls","filters":[{"filter_type":"and","cli":"+1312","cli_filter":"starts_with"},{"filter_type":"or","tags_list":["vip"]}]}""";
        Assert.Equal(body, sent.RequestMessage.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(body).ToString(CultureInfo.InvariantCulture), WireMockFixture.Header(sent, "Content-Length"));
        Assert.Equal("3f1a", report.Id);
        Assert.Equal(ReportStatus.Pending, report.Status);
        Assert.Null(report.ReportUrl);
        Assert.Equal(Start, report.StartTime);
        Assert.Equal([TelnyxCallType.Inbound, TelnyxCallType.Outbound], report.CallTypes);
        Assert.Equal(["1234"], report.Connections);
    }

    [Fact]
    public async Task V1_get_list_and_delete_use_the_item_path_page_parameters_and_a_bare_array()
    {
        Stub("/reporting/cdr_requests/3f1a-x", "GET", """{"id":"3f1a-x","status":2,"report_url":"https://reports.example.com/r.csv?sig=abc","start_time":"2024-11-01T00:00:00Z","end_time":"2024-11-02T00:00:00Z"}""");
        Stub("/reporting/cdr_requests", "GET", """[{"id":"a","status":1},{"id":"b","status":4}]""");
        Stub("/reporting/cdr_requests/a", "DELETE", """{"id":"a","status":1}""");
        await using var client = V1Client(withUser: false);

        var report = await client.Telnyx.CdrReports.GetAsync("3f1a-x", Ct);
        var page = await client.Telnyx.CdrReports.ListAsync(Ct).AsPages(null, 2).FirstAsync(Ct);
        await client.Telnyx.CdrReports.DeleteAsync("a", Ct);

        Assert.Equal(
            ["GET /reporting/cdr_requests/3f1a-x", "GET /reporting/cdr_requests?page=1&per_page=2", "DELETE /reporting/cdr_requests/a"],
            _wire.Requests.Select(WireMockFixture.Line));
        Assert.All(_wire.Requests, r =>
        {
            Assert.Equal("Token " + Key, WireMockFixture.Header(r, "Authorization"));
            Assert.Null(WireMockFixture.Header(r, "x-api-token"));
            Assert.Equal(Json, WireMockFixture.Header(r, "Accept"));
            Assert.Null(WireMockFixture.Header(r, "Content-Type"));
        });
        Assert.Equal(ReportStatus.Complete, report.Status);
        Assert.Equal(new Uri("https://reports.example.com/r.csv?sig=abc"), report.ReportUrl);
        Assert.Equal(["a", "b"], page.Values.Select(r => r.Id));
        Assert.Equal([ReportStatus.Pending, ReportStatus.Expired], page.Values.Select(r => r.Status));
        Assert.NotNull(page.ContinuationToken);
    }

    [Fact]
    public async Task V1_mdr_request_posts_profiles_directions_and_timezone_to_the_mdr_path()
    {
        Stub("/reporting/mdr_requests", "POST", """{"id":"m1","status":1,"profiles":["p1"],"directions":["inbound"]}""");
        Stub("/reporting/mdr_requests/m1", "GET", """{"id":"m1","status":3}""");
        Stub("/reporting/mdr_requests", "GET", "[]");
        Stub("/reporting/mdr_requests/m1", "DELETE", "{}");
        await using var client = V1Client();

        var created = await client.Telnyx.MdrReports.CreateAsync(new MdrReportRequest
        {
            StartTime = Start,
            EndTime = End,
            Profiles = ["p1"],
            Directions = [MessageDirection.Inbound],
            Timezone = "UTC",
        }, Ct);
        var again = await client.Telnyx.MdrReports.GetAsync("m1", Ct);
        var listed = await client.Telnyx.MdrReports.ListAsync(Ct).ToListAsync(Ct);
        await client.Telnyx.MdrReports.DeleteAsync("m1", Ct);

        Assert.Equal(
            ["POST /reporting/mdr_requests", "GET /reporting/mdr_requests/m1", "GET /reporting/mdr_requests?page=1&per_page=25", "DELETE /reporting/mdr_requests/m1"],
            _wire.Requests.Select(WireMockFixture.Line));
        Assert.All(_wire.Requests, AssertV1Headers);
        Assert.Equal($$"""{"start_time":"{{Iso(Start)}}","end_time":"{{Iso(End)}}","profiles":["p1"],"directions":["inbound"],"timezone":"UTC"}""", _wire.Requests[0].RequestMessage.Body);
        Assert.Equal(["p1"], created.Profiles);
        Assert.Equal([MessageDirection.Inbound], created.Directions);
        Assert.Equal(ReportStatus.Failed, again.Status);
        Assert.Empty(listed);
    }

    [Fact]
    public async Task V2_cdr_endpoints_use_the_legacy_paths_a_bearer_key_bracketed_page_keys_and_the_data_envelope()
    {
        const string Path = "/v2/legacy/reporting/batch_detail_records/voice";
        Stub(Path, "POST", $$$"""{"data":{"id":"v2-1","status":1,"start_time":"{{{Iso(Start)}}}","end_time":"{{{Iso(End)}}}","connections":[1234],"record_type":"cdr_report"}}""");
        Stub(Path + "/v2-1", "GET", """{"data":{"id":"v2-1","status":2,"report_url":"https://reports.example.com/v2.csv"}}""");
        Stub(Path, "GET", """{"data":[{"id":"v2-1","status":2},{"id":"v2-0","status":4}],"meta":{"page_number":1,"page_size":2,"total_pages":1,"total_results":2}}""");
        Stub(Path + "/v2-1", "DELETE", """{"data":{"id":"v2-1","status":2}}""");
        Stub(Path + "/fields", "GET", """{"Call Details":["call_id","start_time"],"Billing":["cost","currency"]}""");
        await using var client = V2Client();

        var created = await client.Telnyx.CdrReports.CreateAsync(new CdrReportRequest
        {
            StartTime = Start,
            EndTime = End,
            Connections = ["1234"],
            Timezone = "UTC",
            Fields = ["call_id", "cost"],
            IncludeAllMetadata = true,
            Filters = ReportFilters.Where(Tags.Any("vip")).Build(),
        }, Ct);
        var got = await client.Telnyx.CdrReports.GetAsync("v2-1", Ct);
        var pages = await client.Telnyx.CdrReports.ListAsync(Ct).AsPages(null, 2).ToListAsync(Ct);
        await client.Telnyx.CdrReports.DeleteAsync("v2-1", Ct);
        var fields = await client.Telnyx.CdrReports.GetFieldsAsync(Ct);

        Assert.Equal(
            [$"POST {Path}", $"GET {Path}/v2-1", $"GET {Path}?page%5Bnumber%5D=1&page%5Bsize%5D=2", $"DELETE {Path}/v2-1", $"GET {Path}/fields"],
            _wire.Requests.Select(WireMockFixture.Line));
        Assert.All(_wire.Requests, r =>
        {
            Assert.Equal("Bearer " + Key, WireMockFixture.Header(r, "Authorization"));
            Assert.Null(WireMockFixture.Header(r, "x-api-user"));
            Assert.Equal(Json, WireMockFixture.Header(r, "Accept"));
            Assert.Equal(UserAgent, WireMockFixture.Header(r, "User-Agent"));
        });
        Assert.Equal(
            $$"""{"start_time":"{{Iso(Start)}}","end_time":"{{Iso(End)}}","connections":[1234],"filters":[{"filter_type":"and","tags_list":"vip"}],"timezone":"UTC","fields":["call_id","cost"],"include_all_metadata":true}""",
            _wire.Requests[0].RequestMessage.Body);
        Assert.Equal("v2-1", created.Id);
        Assert.Equal(["1234"], created.Connections);
        Assert.Equal(new Uri("https://reports.example.com/v2.csv"), got.ReportUrl);
        var page = Assert.Single(pages);
        Assert.Equal(["v2-1", "v2-0"], page.Values.Select(r => r.Id));
        Assert.Null(page.ContinuationToken);
        Assert.Equal(["call_id", "start_time"], fields["Call Details"]);
        Assert.Equal(["cost", "currency"], fields["Billing"]);
    }

    [Fact]
    public async Task V2_mdr_endpoints_read_string_statuses_and_start_date_end_date()
    {
        const string Path = "/v2/legacy/reporting/batch_detail_records/messaging";
        Stub(Path, "POST", """{"data":{"id":"m2","status":"PENDING","start_date":"2024-11-01T00:00:00Z","end_date":"2024-11-02T00:00:00Z","directions":[1],"record_type":"mdr_report"}}""");
        Stub(Path + "/m2", "GET", """{"data":{"id":"m2","status":"COMPLETE","report_url":"https://reports.example.com/m2.csv","start_date":"2024-11-01T00:00:00Z"}}""");
        Stub(Path, "GET", """{"data":[{"id":"m2","status":"EXPIRED"},{"id":"m1","status":"FAILED"}],"meta":{"page_number":1,"page_size":25,"total_pages":1,"total_results":2}}""");
        Stub(Path + "/m2", "DELETE", """{"data":{"id":"m2","status":"COMPLETE"}}""");
        await using var client = V2Client();

        var created = await client.Telnyx.MdrReports.CreateAsync(new MdrReportRequest
        {
            StartTime = Start,
            EndTime = End,
            Directions = [MessageDirection.Outbound],
            IncludeMessageBody = true,
        }, Ct);
        var got = await client.Telnyx.MdrReports.GetAsync("m2", Ct);
        var listed = await client.Telnyx.MdrReports.ListAsync(Ct).ToListAsync(Ct);
        await client.Telnyx.MdrReports.DeleteAsync("m2", Ct);

        Assert.Equal(
            [$"POST {Path}", $"GET {Path}/m2", $"GET {Path}?page%5Bnumber%5D=1&page%5Bsize%5D=25", $"DELETE {Path}/m2"],
            _wire.Requests.Select(WireMockFixture.Line));
        Assert.Equal($$"""{"start_time":"{{Iso(Start)}}","end_time":"{{Iso(End)}}","directions":[2],"include_message_body":true}""", _wire.Requests[0].RequestMessage.Body);
        Assert.Equal(ReportStatus.Pending, created.Status);
        Assert.Equal(new DateTimeOffset(2024, 11, 1, 0, 0, 0, TimeSpan.Zero), created.StartTime);
        Assert.Equal(new DateTimeOffset(2024, 11, 2, 0, 0, 0, TimeSpan.Zero), created.EndTime);
        Assert.Equal(ReportStatus.Complete, got.Status);
        Assert.Equal([ReportStatus.Expired, ReportStatus.Failed], listed.Select(r => r.Status));
    }

    [Fact]
    public async Task The_report_file_is_downloaded_from_report_url_as_csv_without_any_credential()
    {
        _wire.Server.Given(Request.Create().WithPath("/files/r.csv").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/csv").WithBody("id,cli,cld\nc1,+13125550100,+13125550199\n"));
        Stub("/reporting/cdr_requests/r1", "GET", $$"""{"id":"r1","status":2,"report_url":"{{_wire.BaseAddress}}files/r.csv?X-Amz-Signature=abc%2Bdef"}""");
        await using var client = V1Client();

        var report = await client.Telnyx.CdrReports.GetAsync("r1", Ct);
        var rows = await client.Telnyx.CdrReports.ReadRowsAsync(report, Ct).ToListAsync(Ct);

        Assert.Equal("+13125550100", Assert.Single(rows).Cli);
        var download = _wire.Requests[1];
        Assert.Equal("GET /files/r.csv?X-Amz-Signature=abc%2Bdef", WireMockFixture.Line(download));
        Assert.Equal("text/csv", WireMockFixture.Header(download, "Accept"));
        Assert.Equal(UserAgent, WireMockFixture.Header(download, "User-Agent"));
        Assert.Null(WireMockFixture.Header(download, "x-api-token"));
        Assert.Null(WireMockFixture.Header(download, "x-api-user"));
        Assert.Null(WireMockFixture.Header(download, "Authorization"));
    }

    private static void AssertV1Headers(WireMock.Logging.ILogEntry sent)
    {
        Assert.Equal("user@example.com", WireMockFixture.Header(sent, "x-api-user"));
        Assert.Equal(Key, WireMockFixture.Header(sent, "x-api-token"));
        Assert.Null(WireMockFixture.Header(sent, "Authorization"));
        Assert.Equal(Json, WireMockFixture.Header(sent, "Accept"));
        Assert.Equal(UserAgent, WireMockFixture.Header(sent, "User-Agent"));
    }

    private void Stub(string path, string method, string body) =>
        _wire.Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody(body));

    private CdrClient V1Client(bool withUser = true) => new(new CdrClientOptions
    {
        UserAgent = "ContractTests/1.0",
        Telnyx = { BaseAddress = _wire.BaseAddress, ApiKey = Key, ApiUser = withUser ? "user@example.com" : null },
        Resilience = TestClients.FastResilience(),
    });

    private CdrClient V2Client() => new(new CdrClientOptions
    {
        UserAgent = "ContractTests/1.0",
        Telnyx = { BaseAddress = _wire.BaseAddressWith("v2"), ApiKey = Key, ApiVersion = TelnyxApiVersion.V2 },
        Resilience = TestClients.FastResilience(),
    });
}
