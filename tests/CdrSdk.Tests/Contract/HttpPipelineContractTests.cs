using System.Net;
using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using CdrSdk.Voiso;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CdrSdk.Tests.Contract;

/// <summary>
/// What every request carries, logins included, and how the pipeline reads what the providers send back about
/// the request (its id, a refused token), pinned against WireMock.Net stubs of the documented wire format.
/// </summary>
public sealed class HttpPipelineContractTests : IDisposable
{
    private const string Json = "application/json";
    private static readonly string SdkProduct = "CdrSdk/" + CdrTelemetry.Version;
    private readonly WireMockFixture _wire = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _wire.Dispose();

    [Theory]
    [InlineData(true, "/api_auth")]
    [InlineData(false, "/user_auth")]
    public async Task Kazoo_logins_carry_the_user_agent_and_the_token_goes_to_the_listing(bool apiKey, string loginPath)
    {
        _wire.Server.Given(Request.Create().WithPath(loginPath).UsingPut())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", Json)
                .WithBody("""{"auth_token":"kazoo-token-1","status":"success","data":{"account_id":"4b9c0f5d2e1a4f3b8c7d6e5f4a3b2c1d"},"request_id":"r1"}"""));
        _wire.Server.Given(Request.Create().WithPath("/accounts/4b9c0f5d2e1a4f3b8c7d6e5f4a3b2c1d/cdrs").UsingGet().WithHeader("X-Auth-Token", "kazoo-token-1"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json)
                .WithBody("""{"status":"success","data":[],"page_size":0,"request_id":"r2"}"""));
        await using var client = new CdrClient(new CdrClientOptions
        {
            UserAgent = "MyApp/1.2",
            Kazoo = apiKey
                ? new KazooOptions { BaseAddress = _wire.BaseAddress, ApiKey = "kazoo-api-key-0123" }
                : new KazooOptions { BaseAddress = _wire.BaseAddress, Username = "user", Password = "secret-pass", AccountName = "acme" },
            Resilience = TestClients.FastResilience(),
        });

        var records = await client.Kazoo.Cdrs.ListAsync("4b9c0f5d2e1a4f3b8c7d6e5f4a3b2c1d", new KazooCdrQuery { From = TestTime.UtcDay(-2), To = TestTime.UtcDay(-1) }, Ct).CountAsync(Ct);

        Assert.Equal(0, records);
        var requests = _wire.Requests;
        Assert.Equal(["PUT " + loginPath, "GET /accounts/4b9c0f5d2e1a4f3b8c7d6e5f4a3b2c1d/cdrs"], requests.Select(r => r.RequestMessage.Method + " " + r.RequestMessage.Path).Distinct());
        Assert.All(requests, r => Assert.Equal("MyApp/1.2 " + SdkProduct, WireMockFixture.Header(r, "User-Agent")));
    }

    [Fact]
    public async Task The_tsg_login_carries_the_user_agent()
    {
        StubTsgLogin("tsg-token-1");
        StubTsgPage("tsg-token-1");
        await using var client = TsgClient();

        var records = await client.Tsg.Cdrs.ListAsync(SmsQuery(), Ct).ToListAsync(Ct);

        Assert.Single(records);
        var requests = _wire.Requests;
        Assert.Equal(["POST /account/login", "POST /graphql"], requests.Select(r => r.RequestMessage.Method + " " + r.RequestMessage.Path));
        Assert.All(requests, r => Assert.Equal(SdkProduct, WireMockFixture.Header(r, "User-Agent")));
    }

    [Fact]
    public async Task A_tsg_token_refused_with_a_graphql_unauthenticated_error_is_renewed_once_and_the_query_sent_again()
    {
        _wire.Server.Given(Request.Create().WithPath("/account/login").UsingPost()).InScenario("login").WillSetStateTo("renewed")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody("""{"token":"tsg-old","user":{"id":"u1"}}"""));
        _wire.Server.Given(Request.Create().WithPath("/account/login").UsingPost()).InScenario("login").WhenStateIs("renewed")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody("""{"token":"tsg-new","user":{"id":"u1"}}"""));
        _wire.Server.Given(Request.Create().WithPath("/graphql").UsingPost().WithHeader("Authorization", "Bearer tsg-old"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json)
                .WithBody("""{"errors":[{"message":"Unauthenticated","path":["cdrRecords"],"extensions":{"code":"UNAUTHENTICATED"}}],"data":{"cdrRecords":null}}"""));
        StubTsgPage("tsg-new");
        await using var client = TsgClient();

        var records = await client.Tsg.Cdrs.ListAsync(SmsQuery(), Ct).ToListAsync(Ct);

        Assert.Equal("+15550001", Assert.IsType<TsgMessageCdr>(Assert.Single(records)).FromNumber);
        Assert.Equal(
            ["POST /account/login", "POST /graphql Bearer tsg-old", "POST /account/login", "POST /graphql Bearer tsg-new"],
            _wire.Requests.Select(r => $"{r.RequestMessage.Method} {r.RequestMessage.Path}{(WireMockFixture.Header(r, "Authorization") is { } auth ? " " + auth : null)}"));
    }

    [Fact]
    public async Task A_graphql_error_that_is_not_about_the_token_is_not_a_reason_to_log_in_again()
    {
        StubTsgLogin("tsg-token-1");
        _wire.Server.Given(Request.Create().WithPath("/graphql").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json)
                .WithBody("""{"errors":[{"message":"Argument 'limit' is too large.","path":["cdrRecords"],"extensions":{"code":"BAD_USER_INPUT"}}],"data":null}"""));
        await using var client = TsgClient();

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Tsg.Cdrs.ListAsync(SmsQuery(), Ct).ToListAsync(Ct).AsTask());

        Assert.Equal("BAD_USER_INPUT", ex.ErrorCode);
        Assert.Equal(1, _wire.Requests.Count(r => r.RequestMessage.Path == "/account/login"));
        Assert.DoesNotContain("..", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_tsg_password_is_reported_as_a_failed_login()
    {
        _wire.Server.Given(Request.Create().WithPath("/account/login").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", Json)
                .WithBody("""{"errors":[{"id":"unauthorized","message":"Invalid email or password"}]}"""));
        await using var client = TsgClient(password: "wrong-password-1");

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Tsg.Cdrs.ListAsync(SmsQuery(), Ct).ToListAsync(Ct).AsTask());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.StartsWith("TSG login (POST /account/login) failed with HTTP 401 (Unauthorized): [unauthorized] Invalid email or password", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/graphql", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_wire.Requests, r => r.RequestMessage.Path == "/graphql");
    }

    [Fact]
    public async Task Telnyx_errors_carry_the_request_id_header_and_a_single_full_stop()
    {
        _wire.Server.Given(Request.Create().WithPath("/reporting/cdr_requests/r-1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", Json).WithHeader("x-request-id", "7abbba07-1445-9b45-ba83-d4ddd97f2d27")
                .WithBody("""{"errors":[{"code":"10009","title":"Authentication failed","detail":"The API key looks malformed. Check that you copied it correctly.","meta":{"url":"https://developers.telnyx.com/docs/overview/errors/10009"}}]}"""));
        await using var client = new CdrClient(new CdrClientOptions { Telnyx = { BaseAddress = _wire.BaseAddress, ApiKey = "KEY-wrong-0001" }, Resilience = TestClients.FastResilience() });

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Telnyx.CdrReports.GetAsync("r-1", Ct));

        Assert.Equal("7abbba07-1445-9b45-ba83-d4ddd97f2d27", ex.RequestId);
        Assert.Equal("10009", ex.ErrorCode);
        Assert.Equal(
            "Telnyx GET /reporting/cdr_requests/r-1 failed with HTTP 401 (Unauthorized): [10009] Authentication failed - The API key looks malformed. Check that you copied it correctly (request id 7abbba07-1445-9b45-ba83-d4ddd97f2d27).",
            ex.Message);
    }

    [Fact]
    public async Task Voiso_errors_carry_the_request_id_header()
    {
        _wire.Server.Given(Request.Create().WithPath("/api/v4/reporting/cdrs").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", Json).WithHeader("X-Request-Id", "f3b1c2d4-voiso")
                .WithBody("""{"error":"Unauthorized"}"""));
        await using var client = new CdrClient(new CdrClientOptions { Voiso = { BaseAddress = _wire.BaseAddress, ApiKey = "voiso-wrong-key" }, Resilience = TestClients.FastResilience() });

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Voiso.Cdrs.ListAsync(new VoisoCdrQuery { Limit = 10 }, Ct).CountAsync(Ct).AsTask());

        Assert.Equal("f3b1c2d4-voiso", ex.RequestId);
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("Unauthorized", ex.ErrorTitle);
    }

    private static TsgCdrQuery SmsQuery() => new() { Type = TsgCdrType.Sms, Start = TestTime.UtcDay(-2), End = TestTime.UtcDay(-1) };

    private CdrClient TsgClient(string password = "right-password-1") => new(new CdrClientOptions
    {
        Tsg = { BaseAddress = _wire.BaseAddress, Email = "me@example.com", Password = password },
        Resilience = TestClients.FastResilience(),
    });

    private void StubTsgLogin(string token) =>
        _wire.Server.Given(Request.Create().WithPath("/account/login").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody($$$"""{"token":"{{{token}}}","user":{"id":"u1"}}"""));

    private void StubTsgPage(string token) =>
        _wire.Server.Given(Request.Create().WithPath("/graphql").UsingPost().WithHeader("Authorization", "Bearer " + token))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody(
                """{"data":{"cdrRecords":{"paginationInfo":{"nextCursor":null,"limit":100},"cdrs":[{"__typename":"MessageCdr","datetime":"2026-11-20T10:00:00Z","fromNumber":"+15550001","toNumber":"+15550002","direction":"outbound","status":"delivered","charge":"0.004","type":"SMS"}]}}}"""));
}
