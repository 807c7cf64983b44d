using System.Net;
using CdrSdk.Kazoo;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Voiso;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CdrSdk.Tests.Contract;

/// <summary>
/// Each provider's documented error bodies, served by WireMock.Net exactly as the docs show them, and how the SDK
/// reports them: status, provider code, title, detail, source, request id, and one clean sentence.
/// </summary>
public sealed class ErrorBodyContractTests : IDisposable
{
    private const string Json = "application/json";
    private const string KazooAccount = "4b9c0f5d2e1a4f3b8c7d6e5f4a3b2c1d";
    private readonly WireMockFixture _wire = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _wire.Dispose();

    [Fact]
    public async Task Telnyx_v2_error_list_gives_every_error_with_code_title_detail_and_source()
    {
        _wire.Server.Given(Request.Create().WithPath("/legacy/reporting/batch_detail_records/voice/r-9").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(422).WithHeader("Content-Type", Json).WithHeader("x-request-id", "req-422").WithBody(
                """{"errors":[{"code":"10015","title":"Bad Request","detail":"The 'end_date' must be after 'start_date'.","source":{"pointer":"/end_date"}},{"code":10005,"title":"Resource not found","detail":"No report with that id."}]}"""));
        await using var client = new CdrClient(new CdrClientOptions
        {
            Telnyx = { BaseAddress = _wire.BaseAddress, ApiKey = "KEY-v2-contract-1", ApiVersion = CdrSdk.Telnyx.TelnyxApiVersion.V2 },
            Resilience = TestClients.FastResilience(),
        });

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Telnyx.CdrReports.GetAsync("r-9", Ct));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, ex.StatusCode);
        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal(new CdrApiError { Code = "10015", Title = "Bad Request", Detail = "The 'end_date' must be after 'start_date'.", Source = "/end_date" }, ex.Errors[0]);
        Assert.Equal("10005", ex.Errors[1].Code);
        Assert.Equal("req-422", ex.RequestId);
        Assert.Equal("Bearer KEY-v2-contract-1", WireMockFixture.Header(Assert.Single(_wire.Requests), "Authorization"));
        Assert.EndsWith("(request id req-422).", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, """{"error":"Unauthorized"}""", null, "Unauthorized", null)]
    [InlineData(422, """{"errors":{"queue_id":["must be an integer"]}}""", "queue_id", "invalid queue_id", "must be an integer")]
    [InlineData(429, """{"error":"Too many requests"}""", null, "Too many requests", null)]
    public async Task Voiso_error_shapes_are_read(int status, string body, string? source, string title, string? detail)
    {
        _wire.Server.Given(Request.Create().WithPath("/api/v4/reporting/cdrs").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", Json).WithBody(body));
        await using var client = new CdrClient(new CdrClientOptions
        {
            Voiso = { BaseAddress = _wire.BaseAddress, ApiKey = "voiso-contract-key" },
            Resilience = new CdrResilienceOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(10) },
        });

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Voiso.Cdrs.ListAsync(new VoisoCdrQuery { Limit = 10 }, Ct).CountAsync(Ct).AsTask());

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        var error = Assert.Single(ex.Errors);
        Assert.Equal(title, error.Title);
        Assert.Equal(source, error.Source);
        Assert.Equal(detail, error.Detail);
        var request = Assert.Single(_wire.Requests);
        Assert.Equal("GET", request.RequestMessage.Method);
        Assert.Equal("Bearer voiso-contract-key", WireMockFixture.Header(request, "Authorization"));
        Assert.Equal("application/json", WireMockFixture.Header(request, "Accept"));
    }

    [Fact]
    public async Task A_kazoo_error_envelope_gives_code_message_validation_detail_and_request_id()
    {
        _wire.Server.Given(Request.Create().WithPath($"/accounts/{KazooAccount}/cdrs/202611-abc").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", Json).WithBody(
                """{"auth_token":"","status":"error","error":"404","message":"bad identifier","data":{"cdr_id":{"not_found":{"message":"no such CDR"}}},"request_id":"kz-req-1","node":"n1","version":"4.3.0"}"""));
        await using var client = new CdrClient(new CdrClientOptions
        {
            Kazoo = { BaseAddress = _wire.BaseAddress, AuthToken = "kazoo-static-token-0001" },
            Resilience = TestClients.FastResilience(),
        });

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Kazoo.Cdrs.GetAsync(KazooAccount, "202611-abc", Ct));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal(new CdrApiError { Code = "404", Title = "bad identifier", Detail = "cdr_id.not_found: no such CDR" }, Assert.Single(ex.Errors));
        Assert.Equal("kz-req-1", ex.RequestId);
        var request = Assert.Single(_wire.Requests);
        Assert.Equal("kazoo-static-token-0001", WireMockFixture.Header(request, "X-Auth-Token"));
        Assert.DoesNotContain("kazoo-static-token-0001", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kazoo_listing_that_answers_status_error_with_http_200_is_an_api_error_with_its_message_scrubbed()
    {
        _wire.Server.Given(Request.Create().WithPath($"/accounts/{KazooAccount}/cdrs").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody(
                """{"status":"fatal","error":"500","message":"datastore fault for token kazoo-static-token-0001","data":[],"request_id":"kz-req-2"}"""));
        await using var client = new CdrClient(new CdrClientOptions
        {
            Kazoo = { BaseAddress = _wire.BaseAddress, AuthToken = "kazoo-static-token-0001" },
            Resilience = TestClients.FastResilience(),
        });

        var ex = await Assert.ThrowsAsync<CdrApiException>(() =>
            client.Kazoo.Cdrs.ListAsync(KazooAccount, new KazooCdrQuery { From = TestTime.UtcDay(-2), To = TestTime.UtcDay(-1) }, Ct).CountAsync(Ct).AsTask());

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("500", ex.ErrorCode);
        Assert.Equal("kz-req-2", ex.RequestId);
        Assert.StartsWith($"Kazoo GET /accounts/{KazooAccount}/cdrs answered with status 'fatal': [500] datastore fault for token ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("kazoo-static-token-0001", ex.Message + ex.ErrorTitle, StringComparison.Ordinal);
    }
}
