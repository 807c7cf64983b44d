using System.Globalization;
using System.Text;
using System.Text.Json;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CdrSdk.Tests.Contract;

/// <summary>
/// TSG Global against WireMock.Net stubs written from the docs: the REST login (<c>POST /account/login</c>), the
/// GraphQL <c>cdrRecords</c> query (<c>POST /graphql</c> with the bearer token, the document and its variables),
/// the union records told apart by <c>__typename</c> (numbers as numbers or strings), <c>nextCursor</c> paging and
/// the <c>exportLink</c>.
/// </summary>
public sealed class TsgContractTests : IDisposable
{
    private const string Json = "application/json";
    private static readonly string UserAgent = "ContractTests/1.0 CdrSdk/" + CdrTelemetry.Version;
    private static readonly DateTimeOffset Start = TestTime.UtcDay(-2);
    private static readonly DateTimeOffset End = TestTime.UtcDay(-1);
    private readonly WireMockFixture _wire = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _wire.Dispose();

    [Fact]
    public async Task Login_then_graphql_pages_until_next_cursor_is_null_reading_every_union_member()
    {
        _wire.Server.Given(Request.Create().WithPath("/account/login").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody("""{"token":"tsg-token-42","user":{"id":"u1","email":"ops@example.com"}}"""));
        _wire.Server.Given(Request.Create().WithPath("/graphql").UsingPost()).InScenario("pages").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody(
                """{"data":{"cdrRecords":{"exportLink":"https://export.example.com/x.csv","paginationInfo":{"nextCursor":"c-2","limit":2},"cdrs":[{"__typename":"MessageCdr","datetime":"2024-11-01T10:00:00Z","fromNumber":"+15550001","toNumber":"+15550002","direction":"outbound","status":"delivered","charge":"0.0040","type":"SMS"},{"__typename":"VoiceCdr","datetime":"2024-11-01T10:01:00Z","callId":"v-1","sourceAni":"+15550003","destinationNumber":"+15550004","sessionTime":"61","calledRate":0.012,"charge":0.0122,"status":"ANSWERED","callType":"outbound"}]}}}"""));
        _wire.Server.Given(Request.Create().WithPath("/graphql").UsingPost()).InScenario("pages").WhenStateIs("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody(
                """{"data":{"cdrRecords":{"exportLink":null,"paginationInfo":{"nextCursor":null,"limit":2},"cdrs":[{"__typename":"ApiCdr","datetime":"2024-11-01T10:02:00Z","from":"acct-1","destination":"lookup","status":"ok","charge":"0","type":"API"},{"__typename":"FaxCdr","datetime":"2024-11-01T10:03:00Z"}]}}}"""));
        await using var client = Client(new TsgOptions { BaseAddress = _wire.BaseAddress, Email = "ops@example.com", Password = "tsg-pass-7" });

        var records = await client.Tsg.Cdrs.ListAsync(new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Start, End = End, CompanyId = "c-9", Limit = 2 }, Ct).ToListAsync(Ct);

        Assert.Equal(["POST /account/login", "POST /graphql", "POST /graphql"], _wire.Requests.Select(WireMockFixture.Line));
        var login = _wire.Requests[0];
        const string LoginBody = """{"email":"ops@example.com","password":"tsg-pass-7"}""";
        Assert.Equal(LoginBody, login.RequestMessage.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(LoginBody).ToString(CultureInfo.InvariantCulture), WireMockFixture.Header(login, "Content-Length"));
        Assert.Equal("application/json; charset=utf-8", WireMockFixture.Header(login, "Content-Type"));
        Assert.Equal(Json, WireMockFixture.Header(login, "Accept"));
        Assert.Null(WireMockFixture.Header(login, "Authorization"));
        Assert.Equal(UserAgent, WireMockFixture.Header(login, "User-Agent"));
        foreach (var (query, cursor) in new[] { (_wire.Requests[1], (string?)null), (_wire.Requests[2], "c-2") })
        {
            Assert.Equal("Bearer tsg-token-42", WireMockFixture.Header(query, "Authorization"));
            Assert.Equal("application/json; charset=utf-8", WireMockFixture.Header(query, "Content-Type"));
            Assert.NotNull(WireMockFixture.Header(query, "Content-Length"));
            Assert.Equal(UserAgent, WireMockFixture.Header(query, "User-Agent"));
            using var body = JsonDocument.Parse(query.RequestMessage.Body!);
            var document = body.RootElement.GetProperty("query").GetString()!;
            Assert.Contains("cdrRecords(type: $type, startDatetime: $startDatetime, endDatetime: $endDatetime, companyId: $companyId, limit: $limit, cursor: $cursor)", document, StringComparison.Ordinal);
            Assert.Contains("__typename", document, StringComparison.Ordinal);
            Assert.Contains("... on VoiceCdr { datetime callId sourceAni destinationNumber didUsed sessionTime status calledRate charge callType aniIi }", document, StringComparison.Ordinal);
            var expected = $$"""{"type":"SMS","startDatetime":"{{Iso(Start)}}","endDatetime":"{{Iso(End)}}","companyId":"c-9","limit":2{{(cursor is null ? null : $",\"cursor\":\"{cursor}\"")}}}""";
            Assert.Equal(expected, body.RootElement.GetProperty("variables").GetRawText());
        }

        Assert.Equal(4, records.Count);
        var message = Assert.IsType<TsgMessageCdr>(records[0]);
        Assert.Equal(("+15550001", "+15550002", 0.0040m), (message.FromNumber, message.ToNumber, message.Charge));
        var voice = Assert.IsType<TsgVoiceCdr>(records[1]);
        Assert.Equal(("v-1", 61m, 0.012m, 0.0122m), (voice.CallId, voice.SessionTime, voice.CalledRate, voice.Charge));
        var api = Assert.IsType<TsgApiCdr>(records[2]);
        Assert.Equal(("acct-1", "lookup", 0m), (api.From, api.Destination, api.Charge));
        Assert.Equal("FaxCdr", Assert.IsType<TsgUnknownCdr>(records[3]).Typename);
    }

    [Fact]
    public async Task A_static_token_sends_no_login_and_the_export_link_comes_from_a_one_record_query()
    {
        _wire.Server.Given(Request.Create().WithPath("/graphql").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody(
                """{"data":{"cdrRecords":{"exportLink":"https://export.example.com/signed.csv?sig=1","paginationInfo":{"nextCursor":"n"},"cdrs":[]}}}"""));
        await using var client = Client(new TsgOptions { BaseAddress = _wire.BaseAddress, Token = "static-tsg-token" });

        var link = await client.Tsg.Cdrs.GetExportLinkAsync(new TsgCdrQuery { Type = TsgCdrType.Voice, Start = Start, End = End }, Ct);

        Assert.Equal(new Uri("https://export.example.com/signed.csv?sig=1"), link);
        var sent = _wire.OnlyRequest();
        Assert.Equal("POST /graphql", WireMockFixture.Line(sent));
        Assert.Equal("Bearer static-tsg-token", WireMockFixture.Header(sent, "Authorization"));
        using var body = JsonDocument.Parse(sent.RequestMessage.Body!);
        Assert.Equal($$"""{"type":"VOICE","startDatetime":"{{Iso(Start)}}","endDatetime":"{{Iso(End)}}","limit":1}""", body.RootElement.GetProperty("variables").GetRawText());
    }

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static CdrClient Client(TsgOptions tsg) => new(new CdrClientOptions
    {
        UserAgent = "ContractTests/1.0",
        Tsg = tsg,
        Resilience = TestClients.FastResilience(),
    });
}
