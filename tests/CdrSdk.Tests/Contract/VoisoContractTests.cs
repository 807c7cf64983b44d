using CdrSdk.Tests.Infrastructure;
using CdrSdk.Voiso;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CdrSdk.Tests.Contract;

/// <summary>
/// The Voiso v4 CDR list against WireMock.Net stubs written from the docs: the bearer key, the filters (single
/// values, <c>key[]</c> or repeated arrays, <c>[gte]</c>/<c>[lte]</c>/<c>[lt]</c> ranges, <c>*</c> patterns), the
/// paging parameters, and both documented list keys (<c>items</c>, <c>data</c>) with <c>metadata.next_cursor</c>.
/// Bracketed keys are matched in their encoded form (<c>%5B</c>, <c>%5D</c>), which Rails decodes to the same key.
/// </summary>
public sealed class VoisoContractTests : IDisposable
{
    private const string Json = "application/json";
    private const string Path = "/api/v4/reporting/cdrs";
    private const string Key = "voiso-scoped-key-0042";
    private static readonly DateTimeOffset From = new(2024, 11, 1, 8, 30, 0, TimeSpan.Zero);
    private readonly WireMockFixture _wire = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _wire.Dispose();

    [Fact]
    public async Task The_list_sends_every_kind_of_filter_and_follows_next_cursor_from_items_to_data()
    {
        _wire.Server.Given(Request.Create().WithPath(Path).UsingGet()).InScenario("pages").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody(
                """{"items":[{"id":"c1","type":"call","started_at":"2024-11-01T08:31:00Z","ended_at":"2024-11-01T08:33:00Z","data":{"direction":"inbound","disposition":"answered","from_phone_number":"+13125550100","to_phone_number":"+442071234567","duration":"120","talk_duration":95}}],"metadata":{"total":2,"next_cursor":"opaque+cursor/1=="}}"""));
        _wire.Server.Given(Request.Create().WithPath(Path).UsingGet()).InScenario("pages").WhenStateIs("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody(
                """{"data":[{"id":"s1","type":"sms","started_at":"2024-11-01T09:00:00Z","data":{"from_phone_number":"+13125550100","to_phone_number":"+13125550199"}}],"metadata":{"total":"2","next_cursor":null}}"""));
        await using var client = Client();

        var records = await client.Voiso.Cdrs.ListAsync(new VoisoCdrQuery
        {
            Type = [VoisoCdrType.Call, VoisoCdrType.Sms],
            Disposition = [VoisoDisposition.Answered],
            FromPhoneNumberLike = "+4420*",
            Duration = VoisoNumberFilter.Between(30, 120),
            StartedAt = VoisoTimeFilter.Between(From, From.AddHours(1)),
            Limit = 50,
        }, Ct).ToListAsync(Ct);

        const string Filters = "type%5B%5D=call&type%5B%5D=sms&disposition=answered&from_phone_number_like=%2B4420%2A&duration%5Bgte%5D=30&duration%5Blte%5D=120"
            + "&started_at%5Bgte%5D=2024-11-01T08%3A30%3A00Z&started_at%5Blt%5D=2024-11-01T09%3A30%3A00Z";
        Assert.Equal(
            [$"GET {Path}?{Filters}&limit=50&offset=0", $"GET {Path}?{Filters}&limit=50&cursor=opaque%2Bcursor%2F1%3D%3D&offset=-1"],
            _wire.Requests.Select(WireMockFixture.Line));
        Assert.All(_wire.Requests, r =>
        {
            Assert.Equal("Bearer " + Key, WireMockFixture.Header(r, "Authorization"));
            Assert.Equal(Json, WireMockFixture.Header(r, "Accept"));
            Assert.Equal("ContractTests/1.0 CdrSdk/" + CdrTelemetry.Version, WireMockFixture.Header(r, "User-Agent"));
            Assert.Null(r.RequestMessage.Body);
        });
        var call = Assert.IsType<VoisoCallCdr>(records[0]);
        Assert.Equal("c1", call.Id);
        Assert.Equal(VoisoDisposition.Answered, call.Data.Disposition);
        Assert.Equal(120, call.Data.Duration);
        Assert.Equal(95, call.Data.TalkDuration);
        Assert.Equal(new DateTimeOffset(2024, 11, 1, 8, 31, 0, TimeSpan.Zero), call.StartedAt);
        var sms = Assert.IsType<VoisoSmsCdr>(records[1]);
        Assert.Equal("+13125550199", sms.Data.ToPhoneNumber);
    }

    [Fact]
    public async Task The_repeated_array_style_drops_the_brackets_and_count_asks_for_limit_zero()
    {
        _wire.Server.Given(Request.Create().WithPath(Path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Json).WithBody("""{"items":[],"metadata":{"total":"1234","next_cursor":null}}"""));
        await using var client = Client(o => o.ArrayStyle = VoisoArrayStyle.Repeated);

        var total = await client.Voiso.Cdrs.CountAsync(new VoisoCdrQuery { QueueId = ["301", "302"], ToPhoneNumber = ["+33 1 23"] }, Ct);

        Assert.Equal(1234, total);
        Assert.Equal($"GET {Path}?to_phone_number=%2B33%201%2023&queue_id=301&queue_id=302&limit=0", WireMockFixture.Line(_wire.OnlyRequest()));
    }

    private CdrClient Client(Action<VoisoOptions>? configure = null)
    {
        var options = new CdrClientOptions
        {
            UserAgent = "ContractTests/1.0",
            Voiso = { BaseAddress = _wire.BaseAddress, ApiKey = Key },
            Resilience = TestClients.FastResilience(),
        };
        configure?.Invoke(options.Voiso);
        return new CdrClient(options);
    }
}
