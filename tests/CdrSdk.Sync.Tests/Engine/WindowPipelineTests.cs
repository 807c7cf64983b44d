using CdrSdk.Sync.Engine;
using CdrSdk.Sync.Tests.Infrastructure;

namespace CdrSdk.Sync.Tests.Engine;

/// <summary>
/// A window's last commit runs while the next window is read; the window is done once that commit has ended, and an
/// earlier window whose last commit met a stored key is read again, merged, with every record counted once.
/// </summary>
public sealed class WindowPipelineTests : IClassFixture<EmulatorFixture>
{
    private static readonly DateTimeOffset From = new(2026, 10, 8, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(2);
    private readonly EmulatorFixture _fixture;
    private readonly PostgresServer _postgres;

    public WindowPipelineTests(EmulatorFixture fixture, PostgresServer postgres)
    {
        _fixture = fixture;
        _postgres = postgres;
    }

    public static TheoryData<string> EditableKinds => ["duckdb", "postgres"];

    [Theory]
    [MemberData(nameof(EditableKinds))]
    public async Task The_next_window_is_fetched_while_the_last_commit_of_the_window_before_it_runs(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = await TestStore.CreateAsync(kind, _postgres);
        await using var client = _fixture.Client();
        var source = Source(client, $"pipeline-{kind}-{Guid.NewGuid():N}");
        using var secondWindowRead = new ManualResetEventSlim();
        var commits = 0;
        int? windowsDoneAtSecondWindow = null;
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var progress = new SynchronousProgress<CdrSyncProgress>(p =>
        {
            events.Enqueue($"{p.Phase} {p.WindowStart:MM-dd} {p.WindowsDone} {p.RecordsRead}");
            if (p.Phase == CdrSyncPhase.Reading && p.WindowStart == From.AddDays(1) && !secondWindowRead.IsSet)
            {
                windowsDoneAtSecondWindow = p.WindowsDone;
                secondWindowRead.Set();
            }
        });

        void Hold(string point, string name)
        {
            if (name != source.Name || point == SyncFaultPoints.RowLoaded)
            {
                return;
            }

            events.Enqueue(point);
            if (point == SyncFaultPoints.CommitInFlight && Interlocked.Increment(ref commits) == 1)
            {
                // The first window's last commit (one batch a window): held until the second window has read a page.
                secondWindowRead.Wait(TimeSpan.FromSeconds(20), ct);
            }
        }

        CdrSyncRunResult result;
        SyncFaultPoints.Listen(Hold);
        try
        {
            await using var opened = store.Open();
            using var engine = new CdrSyncEngine(opened);
            result = await engine.RunAsync([source], progress, ct);
        }
        finally
        {
            SyncFaultPoints.StopListening(Hold);
        }

        Assert.True(secondWindowRead.IsSet && windowsDoneAtSecondWindow == 0,
            $"the second window was read only after the first window's last commit: {string.Join(", ", events)}");
        var outcome = Assert.Single(result.Sources);
        Assert.True(outcome.Outcome == CdrSyncOutcome.Succeeded, outcome.Error);
        Assert.Equal(2, outcome.Windows);
        Assert.Equal(To, outcome.Watermark);
        var rows = store.Rows();
        Assert.True(rows.Count > 100, $"only {rows.Count} records");
        Assert.Equal(new CdrSyncCounts(rows.Count, 0, 0), outcome.Counts);
    }

    [Theory]
    [MemberData(nameof(EditableKinds))]
    public async Task A_window_whose_listing_cannot_be_made_still_counts_the_window_whose_last_commit_ran_meanwhile(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = await TestStore.CreateAsync(kind, _postgres);
        await using var client = _fixture.Client();
        var records = new RefusingSecondWindow(client.Kazoo.AsCdrSource(EmulatorFixture.KazooAccount));
        var source = Source(records, $"refused-{kind}");

        var result = await RunAsync(store, source, ct);

        // The second listing throws as it is made, while the first window's last commit may still run: that window
        // is committed, so the result counts it, with its watermark.
        var outcome = Assert.Single(result.Sources);
        Assert.Equal(CdrSyncOutcome.Failed, outcome.Outcome);
        Assert.Contains(RefusingSecondWindow.Refusal, outcome.Error, StringComparison.Ordinal);
        var rows = store.Rows();
        Assert.True(rows.Count > 100, $"only {rows.Count} records");
        Assert.Equal(new CdrSyncCounts(rows.Count, 0, 0), outcome.Counts);
        Assert.Equal(1, outcome.Windows);
        Assert.Equal(From.AddDays(1), outcome.Watermark);
    }

    [Theory]
    [MemberData(nameof(EditableKinds))]
    public async Task An_earlier_window_whose_last_commit_meets_stored_records_is_merged_again_and_every_record_counted_once(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = await TestStore.CreateAsync(kind, _postgres);
        await using var client = _fixture.Client();
        var source = Source(client, "kazoo-main");
        var first = await RunAsync(store, source, ct);
        Assert.True(first.Succeeded, first.Sources[0].Error);
        var clean = store.Rows();

        // The state was lost and the store misses 30 records of the second day only: the first window, assumed new, is
        // stored whole, so its last commit (running while the second day is read) meets its keys and is rolled back.
        Assert.Equal(30, store.Execute($"DELETE FROM cdr_records WHERE id IN (SELECT id FROM cdr_records WHERE started_at >= '{From.AddDays(1):O}' ORDER BY id LIMIT 30)"));
        Assert.Equal(1, store.Execute("UPDATE cdr_sync_state SET watermark = NULL"));
        var again = await RunAsync(store, source, ct);

        var result = Assert.Single(again.Sources);
        Assert.True(result.Outcome == CdrSyncOutcome.Succeeded, result.Error);
        Assert.Equal(new CdrSyncCounts(30, 0, clean.Count - 30), result.Counts);
        Assert.Equal(2, result.Windows);
        Assert.Equal(To, result.Watermark);
        Assert.Equal(clean, store.Rows());
    }

    [Theory]
    [MemberData(nameof(EditableKinds))]
    public async Task An_earlier_windows_failed_last_commit_is_not_lost_when_the_next_window_then_meets_a_stored_key_while_it_appends(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = await TestStore.CreateAsync(kind, _postgres);
        await using var client = _fixture.Client();
        var source = Source(client, "kazoo-main");
        var options = new CdrSyncOptions { BatchSize = 400 };
        var first = await RunAsync(store, source, ct, options);
        Assert.True(first.Succeeded, first.Sources[0].Error);
        var clean = store.Rows();

        // The state was lost and the store misses the first day but for its 20 last records: the first window's rows go
        // straight in until its last commit meets those keys (in the rows appended since the last flush) and is rolled
        // back, while the second window, stored whole, meets a stored key as soon as its appender flushes (every 100 rows).
        var deleted = store.Execute($"DELETE FROM cdr_records WHERE id IN (SELECT id FROM cdr_records WHERE started_at < '{From.AddDays(1):O}' ORDER BY started_at DESC, id DESC OFFSET 20)");
        Assert.True(deleted > 200, $"only {deleted} records deleted");
        Assert.Equal(1, store.Execute("UPDATE cdr_sync_state SET watermark = NULL"));
        var again = await RunAsync(store, source, ct, options);

        var result = Assert.Single(again.Sources);
        Assert.True(result.Outcome == CdrSyncOutcome.Succeeded, result.Error);
        Assert.Equal(new CdrSyncCounts(deleted, 0, clean.Count - deleted), result.Counts);
        Assert.Equal(2, result.Windows);
        Assert.Equal(clean, store.Rows());
    }

    private static CdrSyncSource Source(CdrClient client, string name) => Source(client.Kazoo.AsCdrSource(EmulatorFixture.KazooAccount), name);

    private static CdrSyncSource Source(ICdrSource records, string name) =>
        new() { Name = name, Records = records, Start = From, End = To, WindowSize = TimeSpan.FromDays(1) };

    private static async Task<CdrSyncRunResult> RunAsync(TestStore store, CdrSyncSource source, CancellationToken ct, CdrSyncOptions? options = null)
    {
        await using var opened = store.Open();
        using var engine = new CdrSyncEngine(opened, options);
        return await engine.RunAsync([source], cancellationToken: ct);
    }

    /// <summary>A source whose listing of the second day throws as it is made (an argument it refuses), before any page.</summary>
    private sealed class RefusingSecondWindow(ICdrSource inner) : ICdrSource
    {
        public const string Refusal = "the second day is refused";

        public CdrProvider Provider => inner.Provider;

        public CdrSdk.Paging.AsyncPageable<CallRecord> ListAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
            since >= From.AddDays(1) ? throw new ArgumentOutOfRangeException(nameof(since), since, Refusal) : inner.ListAsync(since, until, cancellationToken);
    }

    /// <summary>Reports on the reporting thread, in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
