using System.Globalization;
using System.Text;
using CdrSdk.Kazoo;
using CdrSdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CdrSdk.Tests.Contract;

/// <summary>
/// Every Kazoo crossbar endpoint the SDK calls, below a <c>/v2</c> base address, against WireMock.Net stubs written
/// from the seed: the logins (<c>PUT /api_auth</c>, <c>PUT /user_auth</c>), the account- and user-scoped CDR and
/// interaction listings with every query parameter, one CDR, the legs of an interaction and the CSV
/// (<c>Accept: text/csv</c>); the envelope with trailer numbers as quoted strings, and Kazoo 4.3's unquoted CSV.
/// </summary>
public sealed class KazooContractTests : IDisposable
{
    private const string Json = "application/json";
    private const string Account = "4b9c0f5d2e1a4f3b8c7d6e5f4a3b2c1d";
    private const string User = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static readonly string UserAgent = "ContractTests/1.0 CdrSdk/" + CdrTelemetry.Version;
    private static readonly DateTimeOffset From = TestTime.UtcDay(-2);
    private static readonly DateTimeOffset To = TestTime.UtcDay(-1);
    private readonly WireMockFixture _wire = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Range => $"created_from={Gregorian(From)}&created_to={Gregorian(To) - 1}";

    public void Dispose() => _wire.Dispose();

    [Fact]
    public async Task The_api_key_login_puts_the_documented_body_and_the_listing_pages_with_every_parameter()
    {
        _wire.Server.Given(Request.Create().WithPath("/v2/api_auth").UsingPut())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", Json).WithBody("""{"auth_token":"kz-token-1","status":"success","data":{"account_id":"4b9c0f5d2e1a4f3b8c7d6e5f4a3b2c1d"},"request_id":"r0"}"""));
        _wire.Server.Given(Request.Create().WithPath($"/v2/accounts/{Account}/cdrs").UsingGet()).InScenario("pages").WillSetStateTo("second")
            .RespondWith(Envelope("""[{"id":"202411-a@10.0.0.1","call_id":"a@10.0.0.1","timestamp":"63883324800","duration_seconds":"42","billing_seconds":"40","cost":"1500","rate":"0.0125","direction":"inbound","interaction_id":"63883324800-a1"}]""", "\"page_size\":\"1\",\"next_start_key\":\"g2wAAAABYgAAAAFq\",\"revision\":\"undefined\""));
        _wire.Server.Given(Request.Create().WithPath($"/v2/accounts/{Account}/cdrs").UsingGet()).InScenario("pages").WhenStateIs("second")
            .RespondWith(Envelope("""[{"id":"202411-b@10.0.0.1","call_id":"b@10.0.0.1","timestamp":63883324900,"duration_seconds":7,"cost":0}]""", "\"page_size\":\"1\""));
        await using var client = Client(new KazooOptions { BaseAddress = _wire.BaseAddressWith("v2"), ApiKey = "kazoo-api-key-0123" });

        var records = await client.Kazoo.Cdrs.ListAsync(Account, new KazooCdrQuery
        {
            From = From,
            To = To,
            Ascending = true,
            PageSize = 1,
            UtcOffset = TimeSpan.FromHours(-5),
            Filters = new Dictionary<string, string> { ["custom_channel_vars.owner_id"] = "o 1" },
            ExcludeFilters = new Dictionary<string, string> { ["call_direction"] = "outbound" },
            HasKeys = ["other_leg_call_id"],
            MissingKeys = ["fax_success"],
        }, Ct).ToListAsync(Ct);

        const string Filters = "filter_custom_channel_vars.owner_id=o%201&filter_not_call_direction=outbound&has_key=other_leg_call_id&key_missing=fax_success";
        Assert.Equal(
            [
                "PUT /v2/api_auth",
                $"GET /v2/accounts/{Account}/cdrs?{Range}&ascending=true&utc_offset=-18000&page_size=1&{Filters}",
                $"GET /v2/accounts/{Account}/cdrs?{Range}&ascending=true&utc_offset=-18000&page_size=1&start_key=g2wAAAABYgAAAAFq&{Filters}",
            ],
            _wire.Requests.Select(WireMockFixture.Line));
        var login = _wire.Requests[0];
        const string LoginBody = """{"data":{"api_key":"kazoo-api-key-0123"}}""";
        Assert.Equal(LoginBody, login.RequestMessage.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(LoginBody).ToString(CultureInfo.InvariantCulture), WireMockFixture.Header(login, "Content-Length"));
        Assert.Equal("application/json; charset=utf-8", WireMockFixture.Header(login, "Content-Type"));
        Assert.Null(WireMockFixture.Header(login, "X-Auth-Token"));
        Assert.All(_wire.Requests.Skip(1), r =>
        {
            Assert.Equal("kz-token-1", WireMockFixture.Header(r, "X-Auth-Token"));
            Assert.Equal(Json, WireMockFixture.Header(r, "Accept"));
            Assert.Null(r.RequestMessage.Body);
        });
        Assert.All(_wire.Requests, r => Assert.Equal(UserAgent, WireMockFixture.Header(r, "User-Agent")));
        Assert.Equal(["202411-a@10.0.0.1", "202411-b@10.0.0.1"], records.Select(r => r.Id));
        Assert.Equal((42L, 40L, 1500L, 0.0125m, 63883324800L), (records[0].DurationSeconds!.Value, records[0].BillingSeconds!.Value, records[0].CostUnits!.Value, records[0].Rate!.Value, records[0].TimestampGregorianSeconds!.Value));
        Assert.Equal((7L, 0L, 63883324900L), (records[1].DurationSeconds!.Value, records[1].CostUnits!.Value, records[1].TimestampGregorianSeconds!.Value));
    }

    [Fact]
    public async Task The_user_login_and_the_user_scoped_cdrs_and_interactions_unpaginated()
    {
        _wire.Server.Given(Request.Create().WithPath("/v2/user_auth").UsingPut())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", Json).WithBody("""{"auth_token":"kz-user-token","status":"success","data":{}}"""));
        _wire.Server.Given(Request.Create().WithPath($"/v2/accounts/{Account}/users/{User}/cdrs").UsingGet())
            .RespondWith(Envelope("""[{"id":"202411-u1","call_id":"u1"}]""", null));
        _wire.Server.Given(Request.Create().WithPath($"/v2/accounts/{Account}/users/{User}/cdrs/interaction").UsingGet())
            .RespondWith(Envelope("""[{"id":"202411-u2","call_id":"u2","interaction_id":"63883324800-b2"}]""", null));
        _wire.Server.Given(Request.Create().WithPath($"/v2/accounts/{Account}/cdrs/interaction").UsingGet())
            .RespondWith(Envelope("[]", "\"page_size\":\"0\""));
        await using var client = Client(new KazooOptions { BaseAddress = _wire.BaseAddressWith("v2"), Username = "ops", Password = "kz-secret", AccountName = "acme" });

        var cdrs = await client.Kazoo.Cdrs.ListAsync(Account, new KazooCdrQuery { From = From, To = To, UserId = User, Paginate = false }, Ct).ToListAsync(Ct);
        var interactions = await client.Kazoo.Interactions.ListAsync(Account, new KazooCdrQuery { From = From, To = To, UserId = User }, Ct).ToListAsync(Ct);
        var none = await client.Kazoo.Interactions.ListAsync(Account, new KazooCdrQuery { From = From, To = To }, Ct).ToListAsync(Ct);

        Assert.Equal(
            [
                "PUT /v2/user_auth",
                $"GET /v2/accounts/{Account}/users/{User}/cdrs?{Range}&paginate=false",
                $"GET /v2/accounts/{Account}/users/{User}/cdrs/interaction?{Range}",
                $"GET /v2/accounts/{Account}/cdrs/interaction?{Range}",
            ],
            _wire.Requests.Select(WireMockFixture.Line));
        Assert.Equal(
            $$$"""{"data":{"credentials":"{{{KazooTokenCache.CredentialsHash("ops", "kz-secret")}}}","account_name":"acme"}}""",
            _wire.Requests[0].RequestMessage.Body);
        Assert.Equal("202411-u1", Assert.Single(cdrs).Id);
        Assert.Equal("63883324800-b2", Assert.Single(interactions).InteractionId);
        Assert.Empty(none);
    }

    [Fact]
    public async Task One_cdr_and_the_legs_of_an_interaction_are_read_from_data()
    {
        _wire.Server.Given(Request.Create().WithPath($"/v2/accounts/{Account}/cdrs/202411-3a4b5c6d-7e8f@10.0.0.1").UsingGet())
            .RespondWith(Envelope("""{"id":"202411-3a4b5c6d-7e8f@10.0.0.1","call_id":"3a4b5c6d-7e8f@10.0.0.1","billing_seconds":"31","custom_channel_vars":{"owner_id":"o1"}}""", null));
        _wire.Server.Given(Request.Create().WithPath($"/v2/accounts/{Account}/cdrs/legs/63883324800-a1").UsingGet())
            .RespondWith(Envelope("""[{"id":"202411-l1","call_id":"l1","call_direction":"inbound"},{"id":"202411-l2","call_id":"l2","call_direction":"outbound"}]""", null));
        await using var client = Client(new KazooOptions { BaseAddress = _wire.BaseAddressWith("v2"), AuthToken = "kz-static-token" });

        var cdr = await client.Kazoo.Cdrs.GetAsync(Account, "202411-3a4b5c6d-7e8f@10.0.0.1", Ct);
        var legs = await client.Kazoo.Interactions.GetLegsAsync(Account, "63883324800-a1", Ct);

        // WireMock.Net shows the path decoded: the SDK sends the '@' as %40 (Uri.EscapeDataString of the id).
        Assert.Equal(
            [$"GET /v2/accounts/{Account}/cdrs/202411-3a4b5c6d-7e8f@10.0.0.1", $"GET /v2/accounts/{Account}/cdrs/legs/63883324800-a1"],
            _wire.Requests.Select(WireMockFixture.Line));
        Assert.All(_wire.Requests, r => Assert.Equal("kz-static-token", WireMockFixture.Header(r, "X-Auth-Token")));
        Assert.Equal(31, cdr.BillingSeconds);
        Assert.Equal("o1", cdr.CustomChannelVars!["owner_id"]);
        Assert.Equal(["inbound", "outbound"], legs.Select(l => l.CallDirection));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_csv_asks_for_text_csv_on_the_user_or_account_listing_path_and_reads_unquoted_4_3_rows(bool userScoped)
    {
        var path = userScoped ? $"/v2/accounts/{Account}/users/{User}/cdrs" : $"/v2/accounts/{Account}/cdrs";
        _wire.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/csv").WithBody(
                "id,call_id,caller_id_number,caller_id_name,callee_id_number,callee_id_name,duration_seconds,billing_seconds,timestamp,hangup_cause\n"
                + "202411-c1,c1,+13125550100,Jane Doe,+13125550199,Desk,42,40,63883324800,NORMAL_CLEARING\n"));
        await using var client = Client(new KazooOptions { BaseAddress = _wire.BaseAddressWith("v2"), AuthToken = "kz-static-token" });

        var rows = await client.Kazoo.Cdrs.ReadCsvAsync(Account, new KazooCdrQuery { From = From, To = To, UserId = userScoped ? User : null }, Ct).ToListAsync(Ct);

        var sent = _wire.OnlyRequest();
        Assert.Equal($"GET {path}?{Range}", WireMockFixture.Line(sent));
        Assert.Equal("text/csv", WireMockFixture.Header(sent, "Accept"));
        Assert.Equal("kz-static-token", WireMockFixture.Header(sent, "X-Auth-Token"));
        Assert.Equal(UserAgent, WireMockFixture.Header(sent, "User-Agent"));
        var row = Assert.Single(rows);
        Assert.Equal(("202411-c1", "Jane Doe", "NORMAL_CLEARING"), (row.Id, row.CallerIdName, row.HangupCause));
        Assert.Equal(40, row.BillingSeconds);
    }

    private static long Gregorian(DateTimeOffset value) => GregorianTime.FromDateTimeOffset(value);

    private static IResponseBuilder Envelope(string data, string? trailer) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody(
            $$"""{"auth_token":"","status":"success","request_id":"req-1","node":"n1","version":"4.3.142","timestamp":"2024-11-05T10:00:00Z","data":{{data}}{{(trailer is null ? null : "," + trailer)}}}""");

    private static CdrClient Client(KazooOptions kazoo) => new(new CdrClientOptions
    {
        UserAgent = "ContractTests/1.0",
        Kazoo = kazoo,
        Resilience = TestClients.FastResilience(),
    });
}
