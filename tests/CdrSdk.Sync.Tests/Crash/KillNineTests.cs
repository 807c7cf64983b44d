using System.Collections.Concurrent;
using CdrSdk.Sync.CrashHost;
using CdrSdk.Sync.Engine;
using CdrSdk.Sync.Tests.Infrastructure;

namespace CdrSdk.Sync.Tests.Crash;

/// <summary>
/// A worker is killed with SIGKILL at seeded points (while fetching a page, during a bulk load, inside a commit,
/// right after one), then run again: the store ends identical to the store of an uninterrupted run.
/// </summary>
public abstract class KillNineTests : IClassFixture<EmulatorFixture>
{
    /// <summary>Two kills at each point a store passes.</summary>
    private const int KillsPerPoint = 2;
    private static readonly DateTimeOffset From = new(2026, 10, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 10, 5, 18, 0, 0, TimeSpan.Zero);
    private static readonly string[] CommonPoints = [SyncFaultPoints.PageFetched, SyncFaultPoints.RowLoaded, SyncFaultPoints.CommitInFlight, SyncFaultPoints.Committed];

    // DuckDB also stops with rows of a batch flushed into its open transaction on cdr_records, not yet committed.
    private string[] Points => _kind == "duckdb" ? [.. CommonPoints, SyncFaultPoints.Appended] : CommonPoints;
    private readonly EmulatorFixture _fixture;
    private readonly PostgresServer _postgres;

    private readonly string _kind;

    protected KillNineTests(EmulatorFixture fixture, PostgresServer postgres, string kind)
    {
        _fixture = fixture;
        _postgres = postgres;
        _kind = kind;
    }

    [Fact]
    public async Task After_a_kill_at_any_point_a_rerun_leaves_the_store_identical_to_an_uninterrupted_run()
    {
        var ct = TestContext.Current.CancellationToken;
        var kind = _kind;
        using var folder = new TempFolder();
        var prefix = $"crash-{kind}-";
        var (clean, hits) = await CleanRunAsync(kind, prefix, ct);
        Assert.True(clean.Count > 1000, $"only {clean.Count} records");
        var random = new Random(1313 + kind.Length);
        var killed = 0;
        var kills = Points.Length * KillsPerPoint;
        for (var i = 0; i < kills; i++)
        {
            var point = Points[i % Points.Length];
            var hit = random.Next(1, Reachable(point, hits) + 1);
            using var store = await TestStore.CreateAsync(kind, _postgres);
            var job = Job(store.Location, prefix, point, hit);
            var crashed = await CrashWorker.RunAsync(job, folder, TimeSpan.FromMinutes(2), ct);
            Assert.True(crashed.Killed, $"{point} #{hit} of {hits[point]} was not reached: {crashed}");
            killed++;

            var rerun = await CrashWorker.RunAsync(Job(store.Location, prefix, null, 0), folder, TimeSpan.FromMinutes(2), ct);
            Assert.True(rerun is { Killed: false, ExitCode: 0 }, $"rerun after {point} #{hit}: {rerun}");
            var rows = store.Rows();
            Assert.True(StoreRows.Checksum(clean) == StoreRows.Checksum(rows),
                $"after a kill at {point} #{hit}: {rows.Count} rows, {clean.Count} expected; first difference: {rows.Except(clean).Concat(clean.Except(rows)).FirstOrDefault()}");
        }

        Assert.Equal(kills, killed);
    }

    [Fact]
    public async Task A_telnyx_window_killed_after_its_report_was_requested_reuses_that_report()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        using var store = await TestStore.CreateAsync(_kind, _postgres);
        var prefix = $"reuse-{_kind}-";
        var before = ReportRequests();

        // The telnyx source's first commit is the checkpoint saved as soon as its first report exists.
        var job = Job(store.Location, prefix, SyncFaultPoints.Committed, 1);
        job.StopInSource = prefix + "telnyx";
        var crashed = await CrashWorker.RunAsync(job, folder, TimeSpan.FromMinutes(2), ct);
        Assert.True(crashed.Killed, crashed.ToString());
        Assert.Equal(1, ReportRequests() - before);

        var rerun = await CrashWorker.RunAsync(Job(store.Location, prefix, null, 0), folder, TimeSpan.FromMinutes(2), ct);
        Assert.True(rerun is { Killed: false, ExitCode: 0 }, rerun.ToString());
        Assert.Equal(3, ReportRequests() - before);
        Assert.Equal(_fixture.Emulator.Data.Calls(From, To).Count(), store.Rows().Count(r => r.StartsWith("telnyx|", StringComparison.Ordinal)));
    }

    /// <summary>
    /// How many times every run passes <paramref name="point"/>. DuckDB's appender skips a batch's first flush while the
    /// commit before it still runs (timing), which its own commit may then make up for: at most one flush fewer a batch,
    /// so a run flushes at least the clean run's count less one for each commit (each passes "committed").
    /// </summary>
    private static int Reachable(string point, Dictionary<string, int> hits)
    {
        var reachable = point == SyncFaultPoints.Appended ? hits[point] - hits[SyncFaultPoints.Committed] : hits[point];
        Assert.True(reachable > 0, $"the clean run passes {point} too rarely to be killed there: {string.Join(", ", hits)}");
        return reachable;
    }

    private int ReportRequests() =>
        _fixture.Emulator.Requests.Snapshot().Count(r => r.Method == "POST" && r.Path.EndsWith("/cdr_requests", StringComparison.Ordinal));

    private async Task<(List<string> Rows, Dictionary<string, int> Hits)> CleanRunAsync(string kind, string prefix, CancellationToken ct)
    {
        var hits = new ConcurrentDictionary<string, int>();
        using var store = await TestStore.CreateAsync(kind, _postgres);
        SyncFaultPoints.Listen(Count);
        try
        {
            await using var client = _fixture.Client();
            await using var opened = store.Open();
            using var engine = new CdrSyncEngine(opened, new CdrSyncOptions { BatchSize = 150 });
            var job = Job(store.Location, prefix, null, 0);
            var result = await engine.RunAsync(job.Sources.Select(s => new CdrSyncSource
            {
                Name = s.Name,
                Records = s.Provider == "telnyx" ? client.Telnyx.AsCdrSource() : client.Kazoo.AsCdrSource(s.KazooAccount!),
                Start = s.From,
                End = s.To,
                WindowSize = s.Window,
                Lookback = s.Lookback,
            }).ToList(), cancellationToken: ct);
            Assert.True(result.Succeeded, string.Join("; ", result.Sources.Select(s => s.Error)));
        }
        finally
        {
            SyncFaultPoints.StopListening(Count);
        }

        return (store.Rows(), Points.ToDictionary(p => p, p => hits.GetValueOrDefault(p)));

        void Count(string point, string source)
        {
            if (source.StartsWith(prefix, StringComparison.Ordinal))
            {
                hits.AddOrUpdate(point, 1, (_, n) => n + 1);
            }
        }
    }

    private CrashJob Job(string store, string prefix, string? stopAt, int hit)
    {
        var job = CrashWorker.Job(_fixture.Emulator, store, 150, stopAt, hit);
        job.Sources.Add(new CrashSource { Name = prefix + "kazoo", Provider = "kazoo", KazooAccount = EmulatorFixture.KazooAccount, From = From, To = To });
        job.Sources.Add(new CrashSource { Name = prefix + "telnyx", Provider = "telnyx", From = From, To = To, Window = TimeSpan.FromHours(6) });
        return job;
    }
}

public sealed class DuckDbKillNineTests(EmulatorFixture fixture, PostgresServer postgres) : KillNineTests(fixture, postgres, "duckdb");

public sealed class PostgresKillNineTests(EmulatorFixture fixture, PostgresServer postgres) : KillNineTests(fixture, postgres, "postgres");

public sealed class ParquetKillNineTests(EmulatorFixture fixture, PostgresServer postgres) : KillNineTests(fixture, postgres, "parquet");
