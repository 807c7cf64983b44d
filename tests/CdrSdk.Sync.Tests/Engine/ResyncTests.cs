using CdrSdk.Sync.Tests.Infrastructure;

namespace CdrSdk.Sync.Tests.Engine;

/// <summary>
/// Re-syncing a range behind the watermark (<see cref="CdrSyncEngine.ResyncAsync"/>), and a window assumed new whose
/// records the store holds already: both end with the store equal to a clean sync's, every record once.
/// </summary>
public sealed class ResyncTests : IClassFixture<EmulatorFixture>
{
    private static readonly DateTimeOffset From = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 10, 3, 0, 0, 0, TimeSpan.Zero);
    private readonly EmulatorFixture _fixture;
    private readonly PostgresServer _postgres;

    public ResyncTests(EmulatorFixture fixture, PostgresServer postgres)
    {
        _fixture = fixture;
        _postgres = postgres;
    }

    public static TheoryData<string> EditableKinds => ["duckdb", "postgres"];

    [Theory]
    [MemberData(nameof(EditableKinds))]
    public async Task A_resync_restores_deleted_and_changed_records_behind_the_watermark_and_leaves_the_watermark(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = await TestStore.CreateAsync(kind, _postgres);
        await using var client = _fixture.Client();
        var source = Source(client);
        var clean = await SyncCleanAsync(store, source, ct);

        // Upstream changed on the first day, long behind the lookback: 7 records lost, 5 changed.
        Assert.Equal(7, store.Execute(
            "DELETE FROM cdr_records WHERE id IN (SELECT id FROM cdr_records WHERE started_at < '2026-10-01T20:00:00Z' ORDER BY id LIMIT 7)"));
        Assert.Equal(5, store.Execute(
            "UPDATE cdr_records SET outcome = 'tampered', content_hash = 0 WHERE id IN (SELECT id FROM cdr_records WHERE started_at < '2026-10-01T20:00:00Z' ORDER BY id DESC LIMIT 5)"));

        var again = await RunAsync(store, engine => engine.RunAsync([source], cancellationToken: ct));
        Assert.Equal(new CdrSyncCounts(0, 0, again.Sources[0].Counts.Unchanged), again.Sources[0].Counts);
        Assert.Equal(clean.Count - 7, store.Rows().Count);

        var resync = await RunAsync(store, engine => engine.ResyncAsync([source], From, From.AddDays(1), cancellationToken: ct));
        var result = Assert.Single(resync.Sources);
        Assert.True(result.Outcome == CdrSyncOutcome.Succeeded, result.Error);
        Assert.Equal(7, result.Counts.Inserted);
        Assert.Equal(5, result.Counts.Updated);
        Assert.True(result.Counts.Unchanged > 300, $"only {result.Counts.Unchanged} unchanged");
        Assert.Equal(1, result.Windows);
        Assert.Equal(To, result.Watermark);
        Assert.Equal(clean, store.Rows());

        await using var opened = store.Open();
        await opened.InitializeAsync(ct);
        var status = Assert.Single(await opened.GetStatusAsync(To, ct));
        Assert.Equal(To, status.Watermark);
        Assert.Null(status.WindowInFlightStart);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Records_of_a_window_assumed_new_that_the_store_holds_are_counted_unchanged_not_inserted_twice(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = await TestStore.CreateAsync(kind, _postgres);
        await using var client = _fixture.Client();
        var source = Source(client);
        var clean = await SyncCleanAsync(store, source, ct);

        // A store whose state was lost (restored from an older backup, say): every window looks new again.
        await ForgetWatermarkAsync(store, ct);
        var again = await RunAsync(store, engine => engine.RunAsync([source], cancellationToken: ct));

        var result = Assert.Single(again.Sources);
        Assert.True(result.Outcome == CdrSyncOutcome.Succeeded, result.Error);
        Assert.Equal(new CdrSyncCounts(0, 0, clean.Count), result.Counts);
        Assert.Equal(clean, store.Rows());
    }

    [Theory]
    [MemberData(nameof(EditableKinds))]
    public async Task A_window_assumed_new_is_merged_from_its_last_commit_once_a_later_batch_finds_stored_records(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = await TestStore.CreateAsync(kind, _postgres);
        await using var client = _fixture.Client();
        var source = Source(client);
        var clean = await SyncCleanAsync(store, source, ct);

        // The state was lost and the store misses its 400 oldest records (pages come oldest first) and has 5 changed: the
        // first batches are appended straight in and committed, a later one meets a stored key and is rolled back.
        Assert.Equal(400, store.Execute("DELETE FROM cdr_records WHERE id IN (SELECT id FROM cdr_records ORDER BY started_at, id LIMIT 400)"));
        Assert.Equal(5, store.Execute(
            "UPDATE cdr_records SET outcome = 'tampered', content_hash = 0 WHERE id IN (SELECT id FROM cdr_records ORDER BY started_at DESC, id LIMIT 5)"));
        await ForgetWatermarkAsync(store, ct);
        var small = new CdrSyncSource { Name = source.Name, Records = source.Records, Start = From, End = To, WindowSize = source.WindowSize, PageSize = 50 };
        var again = await RunAsync(store, engine => engine.RunAsync([small], cancellationToken: ct), new CdrSyncOptions { BatchSize = 100 });

        var result = Assert.Single(again.Sources);
        Assert.True(result.Outcome == CdrSyncOutcome.Succeeded, result.Error);
        Assert.Equal(new CdrSyncCounts(400, 5, clean.Count - 405), result.Counts);
        Assert.Equal(clean, store.Rows());
    }

    [Fact]
    public async Task A_resync_range_that_ends_before_it_starts_is_refused_before_anything_is_written()
    {
        using var store = await TestStore.CreateAsync("duckdb", _postgres);
        await using var client = _fixture.Client();
        await using var opened = store.Open();
        using var engine = new CdrSyncEngine(opened);

        var error = await Assert.ThrowsAsync<CdrSyncException>(() => engine.ResyncAsync([Source(client)], To, From, cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(error.BeforeAnyWrite);
        Assert.Contains("must end after it starts", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(store.Path), "the store was created");
    }

    private static CdrSyncSource Source(CdrClient client) =>
        new() { Name = "kazoo-main", Records = client.Kazoo.AsCdrSource(EmulatorFixture.KazooAccount), Start = From, End = To, WindowSize = TimeSpan.FromDays(1) };

    /// <summary>The first, clean sync of the source: the rows every later run must end with.</summary>
    private static async Task<List<string>> SyncCleanAsync(TestStore store, CdrSyncSource source, CancellationToken ct)
    {
        var first = await RunAsync(store, engine => engine.RunAsync([source], cancellationToken: ct));
        Assert.True(first.Succeeded, first.Sources[0].Error);
        return store.Rows();
    }

    private static async Task<CdrSyncRunResult> RunAsync(TestStore store, Func<CdrSyncEngine, Task<CdrSyncRunResult>> run, CdrSyncOptions? options = null)
    {
        await using var opened = store.Open();
        using var engine = new CdrSyncEngine(opened, options);
        return await run(engine);
    }

    private static async Task ForgetWatermarkAsync(TestStore store, CancellationToken ct)
    {
        if (store.Kind != "parquet")
        {
            Assert.Equal(1, store.Execute("UPDATE cdr_sync_state SET watermark = NULL"));
            return;
        }

        var state = Path.Combine(store.Path, "_cdr_sync", "cdr_sync_state", "kazoo-main.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(state, ct))!.AsObject();
        Assert.True(json.Remove("Watermark") || json.Remove("watermark"), "the state file has no watermark");
        await File.WriteAllTextAsync(state, json.ToJsonString(), ct);
    }
}
