using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Paging;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Tests.Records;

/// <summary>Sources: resuming from any page's token, the configure callback, and the checks made before sending.</summary>
public sealed class CdrSourceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-2).AddHours(6);
    private static readonly DateTimeOffset Until = Since.AddHours(3);
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync(o =>
    {
        o.CallsPerHour = 120;
        o.MessagesPerHour = 120;
    });

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Providers => ["telnyx", "voiso", "tsg", "kazoo"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Resuming_from_any_page_token_continues_without_loss_or_repeat(string provider)
    {
        await using var client = Client(provider);
        var source = Source(client, provider);
        var full = await Pages(source.ListAsync(Since, Until, Ct), null);
        var all = full.SelectMany(p => p.Values).Select(Key).ToList();
        Assert.True(all.Count > 100, $"{provider}: only {all.Count} records");
        Assert.True(full.Count >= 4, $"{provider}: only {full.Count} pages");

        foreach (var stop in new[] { 0, 1, full.Count / 2, full.Count - 2 })
        {
            var token = full[stop].ContinuationToken;
            var before = full.Take(stop + 1).SelectMany(p => p.Values).Select(Key);
            var after = (await Pages(source.ListAsync(Since, Until, Ct), token)).SelectMany(p => p.Values).Select(Key);

            Assert.Equal(all, before.Concat(after));
        }
    }

    [Fact]
    public async Task The_telnyx_source_yields_the_report_id_first_and_resumes_the_same_report()
    {
        await using var client = Client("telnyx");
        var source = client.Telnyx.AsCdrSource();

        Page<CallRecord>? first = null;
        await foreach (var page in source.ListAsync(Since, Until, Ct).AsPages(pageSizeHint: 50))
        {
            first = page;
            break;
        }

        Assert.NotNull(first);
        Assert.Empty(first.Values);
        var resumed = await Pages(source.ListAsync(Since, Until, Ct), first.ContinuationToken, 50);
        var posts = _emulator.Requests.Snapshot().Count(r => r.Method == "POST");

        Assert.Equal(1, posts);
        Assert.Equal(_emulator.Data.Calls(Since, Until).Select(c => c.Id), resumed.SelectMany(p => p.Values).Select(r => r.Id));
        Assert.All(resumed.SkipLast(1), p => Assert.Equal(50, p.Values.Count));
    }

    [Fact]
    public async Task Configure_sets_provider_filters_but_cannot_move_the_range()
    {
        await using var voiso = Client("voiso");
        await using var tsg = Client("tsg");
        await using var kazoo = Client("kazoo");
        await using var telnyx = Client("telnyx");
        var elsewhere = Since.AddDays(-20);

        var calls = await voiso.Voiso.AsCdrSource(q => q with { Type = [VoisoCdrType.Call], StartedAt = VoisoTimeFilter.Since(elsewhere) }).ListAsync(Since, Until, Ct).ToListAsync(Ct);
        var company = await tsg.Tsg.AsCdrSource(TsgCdrType.Sms, q => q with { CompanyId = "102", Start = elsewhere }).ListAsync(Since, Until, Ct).ToListAsync(Ct);
        var user = KazooDataSet.UsersOf(KazooDataSet.AccountIds[0])[1];
        var legs = await kazoo.Kazoo.AsCdrSource(KazooDataSet.AccountIds[0], q => q with { UserId = user, From = elsewhere }).ListAsync(Since, Until, Ct).ToListAsync(Ct);
        var inbound = await telnyx.Telnyx.AsCdrSource(r => r with { CallTypes = [TelnyxCallType.Inbound], StartTime = elsewhere }).ListAsync(Since, Until, Ct).ToListAsync(Ct);

        Assert.Equal(_emulator.VoisoData.NewestFirst(Since, Until).Where(r => r.Type == "call").Select(r => r.Id), calls.Select(c => c.Id));
        Assert.Equal(_emulator.TsgData.Records("SMS", Since, Until).Count(r => r.CompanyId == "102"), company.Count);
        Assert.NotEmpty(company);
        Assert.NotEmpty(legs);
        Assert.All(legs, l => Assert.Equal(user, l.GetProviderRecord<CdrSdk.Kazoo.KazooCdrSummary>().OwnerId));
        Assert.All(legs, l => Assert.InRange(l.EndedAt!.Value, Since, Until));
        Assert.Equal(_emulator.Data.Calls(Since, Until).Where(c => c.Direction == "inbound").Select(c => c.Id), inbound.Select(c => c.Id));
    }

    public static TheoryData<string, DateTimeOffset, DateTimeOffset, string> BadRanges => new()
    {
        { "telnyx", Until, Since, "since" },
        { "voiso", Since, Since, "since" },
        { "tsg", default, Until, "since" },
        { "kazoo", Since, default, "until" },
    };

    [Theory]
    [MemberData(nameof(BadRanges))]
    public async Task A_bad_range_is_rejected_before_any_request(string provider, DateTimeOffset since, DateTimeOffset until, string property)
    {
        await using var client = Client(provider);

        var ex = Assert.Throws<CdrValidationException>(() => Source(client, provider).ListAsync(since, until, Ct));

        Assert.Equal(property, ex.Errors[0].PropertyName);
        Assert.Empty(_emulator.Requests.Snapshot());
    }

    [Fact]
    public async Task Provider_rules_broken_by_configure_are_rejected_before_any_request()
    {
        await using var telnyx = Client("telnyx");
        await using var voiso = Client("voiso");
        await using var tsg = Client("tsg");
        await using var kazoo = Client("kazoo");

        var report = Assert.Throws<CdrValidationException>(() => telnyx.Telnyx.AsCdrSource(r => r with { ReportName = " " }).ListAsync(Since, Until, Ct));
        var future = Assert.Throws<CdrValidationException>(() => telnyx.Telnyx.AsCdrSource().ListAsync(Since, DateTimeOffset.UtcNow.AddDays(2), Ct));
        var limit = Assert.Throws<CdrValidationException>(() => voiso.Voiso.AsCdrSource(q => q with { Limit = 5000 }).ListAsync(Since, Until, Ct));
        var company = Assert.Throws<CdrValidationException>(() => tsg.Tsg.AsCdrSource(TsgCdrType.Sms, q => q with { CompanyId = "" }).ListAsync(Since, Until, Ct));
        var account = Assert.Throws<ArgumentException>(() => kazoo.Kazoo.AsCdrSource("not-an-account"));

        Assert.Equal("ReportName", report.Errors[0].PropertyName);
        Assert.Equal("EndTime", future.Errors[0].PropertyName);
        Assert.Equal("Limit", limit.Errors[0].PropertyName);
        Assert.Equal("CompanyId", company.Errors[0].PropertyName);
        Assert.Equal("accountId", account.ParamName);
        Assert.Empty(_emulator.Requests.Snapshot());
    }

    private CdrClient Client(string provider) => provider switch
    {
        "telnyx" => TestClients.Telnyx(_emulator),
        "voiso" => TestClients.Voiso(_emulator),
        "tsg" => TestClients.Tsg(_emulator),
        _ => TestClients.Kazoo(_emulator),
    };

    private static ICdrSource Source(CdrClient client, string provider) => provider switch
    {
        "telnyx" => client.Telnyx.AsCdrSource(),
        "voiso" => client.Voiso.AsCdrSource(q => q with { Limit = 40 }),
        "tsg" => client.Tsg.AsCdrSource(TsgCdrType.Sms, q => q with { Limit = 40 }),
        _ => client.Kazoo.AsCdrSource(KazooDataSet.AccountIds[0], q => q with { PageSize = 40 }),
    };

    private static string Key(CallRecord record) => $"{record.Id}|{record.StartedAt:O}|{record.From}|{record.To}";

    private static async Task<List<Page<CallRecord>>> Pages(AsyncPageable<CallRecord> pageable, string? token, int? size = 40)
    {
        var pages = new List<Page<CallRecord>>();
        await foreach (var page in pageable.AsPages(token, size))
        {
            pages.Add(page);
        }

        return pages;
    }
}
