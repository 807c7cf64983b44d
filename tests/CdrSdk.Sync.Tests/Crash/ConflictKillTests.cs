using CdrSdk.Sync.CrashHost;
using CdrSdk.Sync.Engine;
using CdrSdk.Sync.Tests.Infrastructure;

namespace CdrSdk.Sync.Tests.Crash;

/// <summary>
/// A window assumed new (after the watermark) whose batch meets a stored key is rolled back and read again from its
/// last commit, merged. A worker killed with SIGKILL during that re-read, then run again, leaves the store identical
/// to an uninterrupted run's.
/// </summary>
public sealed class ConflictKillTests : IClassFixture<EmulatorFixture>
{
    private static readonly DateTimeOffset From = new(2026, 10, 6, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 10, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly EmulatorFixture _fixture;
    private readonly PostgresServer _postgres;

    public ConflictKillTests(EmulatorFixture fixture, PostgresServer postgres)
    {
        _fixture = fixture;
        _postgres = postgres;
    }

    // 300 rows loaded: past the first batch (150 rows, 100 of them new) and its rollback, into the re-read; commit 1:
    // the first commit of the source, which the rolled-back batch never reached.
    [Theory]
    [InlineData("duckdb", SyncFaultPoints.RowLoaded, 300)]
    [InlineData("duckdb", SyncFaultPoints.CommitInFlight, 1)]
    [InlineData("postgres", SyncFaultPoints.RowLoaded, 300)]
    [InlineData("postgres", SyncFaultPoints.CommitInFlight, 1)]
    public async Task A_kill_while_a_window_assumed_new_is_merged_after_a_key_conflict_leaves_after_a_rerun_the_clean_store(string kind, string point, int hit)
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        using var store = await TestStore.CreateAsync(kind, _postgres);
        var first = await CrashWorker.RunAsync(Job(store.Location, null, 0), folder, TimeSpan.FromMinutes(2), ct);
        Assert.True(first is { Killed: false, ExitCode: 0 }, first.ToString());
        var clean = store.Rows();
        Assert.True(clean.Count > 400, $"only {clean.Count} records");

        // The state was lost and the store misses its 100 oldest records (pages come oldest first): the window looks new,
        // its first batch is appended straight in until a stored key rolls it back.
        Assert.Equal(100, store.Execute("DELETE FROM cdr_records WHERE id IN (SELECT id FROM cdr_records ORDER BY started_at, id LIMIT 100)"));
        Assert.Equal(1, store.Execute("UPDATE cdr_sync_state SET watermark = NULL, window_start = NULL, window_end = NULL, window_token = NULL"));

        var crashed = await CrashWorker.RunAsync(Job(store.Location, point, hit), folder, TimeSpan.FromMinutes(2), ct);
        Assert.True(crashed.Killed, $"{point} #{hit} was not reached: {crashed}");
        var rerun = await CrashWorker.RunAsync(Job(store.Location, null, 0), folder, TimeSpan.FromMinutes(2), ct);
        Assert.True(rerun is { Killed: false, ExitCode: 0 }, rerun.ToString());

        var rows = store.Rows();
        Assert.True(StoreRows.Checksum(clean) == StoreRows.Checksum(rows),
            $"after a kill at {point} #{hit}: {rows.Count} rows, {clean.Count} expected; first difference: {rows.Except(clean).Concat(clean.Except(rows)).FirstOrDefault()}");
    }

    private CrashJob Job(string store, string? stopAt, int hit)
    {
        var job = CrashWorker.Job(_fixture.Emulator, store, 150, stopAt, hit);

        // One window, so the re-read after the conflict is of the window being merged.
        job.Sources.Add(new CrashSource { Name = "conflict-kazoo", Provider = "kazoo", KazooAccount = EmulatorFixture.KazooAccount, From = From, To = To, Window = To - From });
        return job;
    }
}
