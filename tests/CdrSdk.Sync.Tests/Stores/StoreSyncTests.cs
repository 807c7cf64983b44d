using CdrSdk.Sync.Tests.Infrastructure;

namespace CdrSdk.Sync.Tests.Stores;

/// <summary>
/// The same syncs of Kazoo calls, Voiso records, TSG messages and Telnyx MDRs against each real store: DuckDB
/// in-process, PostgreSQL 15, Parquet read back through DuckDB.
/// </summary>
public sealed class StoreSyncTests : IClassFixture<EmulatorFixture>
{
    private static readonly DateTimeOffset From = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 10, 3, 0, 0, 0, TimeSpan.Zero);
    private readonly EmulatorFixture _fixture;
    private readonly PostgresServer _postgres;

    public StoreSyncTests(EmulatorFixture fixture, PostgresServer postgres)
    {
        _fixture = fixture;
        _postgres = postgres;
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_first_sync_inserts_every_record_and_a_second_one_finds_them_unchanged(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = await TestStore.CreateAsync(kind, _postgres);
        await using var client = _fixture.Client();
        var sources = Sources(client);
        var expected = new Dictionary<string, int>();
        foreach (var source in sources)
        {
            expected[source.Name] = await source.Records.ListAsync(From, To, ct).CountAsync(ct);
        }

        var first = await RunAsync(store, sources, ct);
        foreach (var result in first.Sources)
        {
            Assert.True(result.Outcome == CdrSyncOutcome.Succeeded, result.Error);
            Assert.True(expected[result.Source] > 500, $"{result.Source}: only {expected[result.Source]} records");
            Assert.Equal(new CdrSyncCounts(expected[result.Source], 0, 0), result.Counts);
            Assert.Equal(2, result.Windows);
            Assert.Equal(To, result.Watermark);
        }

        var rows = store.Rows();
        Assert.Equal(expected.Values.Sum(), rows.Count);

        var second = await RunAsync(store, sources, ct);
        foreach (var result in second.Sources)
        {
            Assert.True(result.Outcome == CdrSyncOutcome.Succeeded, result.Error);
            Assert.Equal(0, result.Counts.Inserted);
            Assert.Equal(0, result.Counts.Updated);
            Assert.True(result.Counts.Unchanged > 0, $"{result.Source}: the lookback re-read nothing");
        }

        Assert.Equal(rows, store.Rows());
        await using var opened = store.Open();
        await opened.InitializeAsync(ct);
        var status = await opened.GetStatusAsync(To.AddHours(1), ct);
        Assert.Equal(sources.Select(s => s.Name).Order(StringComparer.Ordinal), status.Select(s => s.Source));
        Assert.All(status, s =>
        {
            Assert.Equal(To, s.Watermark);
            Assert.Equal(expected[s.Source], s.Rows);
            Assert.Equal(CdrSyncOutcome.Succeeded, s.LastOutcome);
            Assert.Equal(TimeSpan.FromHours(1), s.Lag);
            Assert.Null(s.LeaseOwner);
            Assert.Null(s.WindowInFlightStart);
        });
    }

    // One source of each provider (calls, messages and both), so every provider's records go through every store.
    private static List<CdrSyncSource> Sources(CdrClient client) =>
    [
        new() { Name = "kazoo-main", Records = client.Kazoo.AsCdrSource(EmulatorFixture.KazooAccount), Start = From, End = To },
        new() { Name = "voiso", Records = client.Voiso.AsCdrSource(), Start = From, End = To },
        new() { Name = "tsg-sms", Records = client.Tsg.AsCdrSource(Tsg.TsgCdrType.Sms), Start = From, End = To },
        new() { Name = "telnyx-messages", Records = client.Telnyx.AsMdrSource(), Start = From, End = To },
    ];

    private static async Task<CdrSyncRunResult> RunAsync(TestStore store, IReadOnlyList<CdrSyncSource> sources, CancellationToken ct)
    {
        await using var opened = store.Open();
        using var engine = new CdrSyncEngine(opened);
        return await engine.RunAsync(sources, cancellationToken: ct);
    }
}
