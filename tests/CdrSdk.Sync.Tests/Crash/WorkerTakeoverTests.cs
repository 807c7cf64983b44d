using CdrSdk.Emulator.Kazoo;
using CdrSdk.Sync.CrashHost;
using CdrSdk.Sync.Engine;
using CdrSdk.Sync.Tests.Infrastructure;
using Npgsql;

namespace CdrSdk.Sync.Tests.Crash;

/// <summary>
/// Three workers share one PostgreSQL store and split its sources by lease; one is killed mid-run holding a
/// source: the others take that source over once its lease expired, and every record is stored exactly once.
/// </summary>
public sealed class WorkerTakeoverTests : IClassFixture<EmulatorFixture>
{
    private static readonly DateTimeOffset From = new(2026, 10, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 10, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(4);
    private readonly EmulatorFixture _fixture;
    private readonly PostgresServer _postgres;

    public WorkerTakeoverTests(EmulatorFixture fixture, PostgresServer postgres)
    {
        _fixture = fixture;
        _postgres = postgres;
    }

    [Fact]
    public async Task Three_workers_split_the_sources_and_take_over_those_of_a_worker_killed_holding_them()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        using var clean = await TestStore.CreateAsync("postgres", _postgres);
        var cleanRun = await CrashWorker.RunAsync(Job(clean.Location, "clean", null), folder, TimeSpan.FromMinutes(2), ct);
        Assert.True(cleanRun is { Killed: false, ExitCode: 0 }, cleanRun.ToString());
        var expected = clean.Rows();

        using var store = await TestStore.CreateAsync("postgres", _postgres);
        var started = DateTimeOffset.UtcNow;
        var doomed = CrashWorker.RunAsync(Job(store.Location, "worker-a", SyncFaultPoints.Committed), folder, TimeSpan.FromMinutes(2), ct);
        var b = CrashWorker.RunAsync(Job(store.Location, "worker-b", null), folder, TimeSpan.FromMinutes(2), ct);
        var c = CrashWorker.RunAsync(Job(store.Location, "worker-c", null), folder, TimeSpan.FromMinutes(2), ct);

        var killed = await doomed;
        Assert.True(killed.Killed, killed.ToString());
        var held = killed.Output.Single(l => l.StartsWith("STOPPED AT", StringComparison.Ordinal)).Split(" IN ")[1];
        var atDeath = await StateAsync(store.ConnectionString!, held, ct);
        Assert.Equal("worker-a", atDeath.Owner);
        Assert.True(atDeath.Expires > DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1), $"worker-a's lease on {held} had already expired at its death");

        var survivors = await Task.WhenAll(b, c);
        Assert.All(survivors, s => Assert.True(s is { Killed: false, ExitCode: 0 }, s.ToString()));

        var rows = store.Rows();
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(StoreRows.Checksum(expected), StoreRows.Checksum(rows));
        var after = await StateAsync(store.ConnectionString!, held, ct);
        Assert.Contains(after.Owner, new[] { "worker-b", "worker-c" });
        Assert.Equal("succeeded", after.Outcome);
        Assert.Equal(To, after.Watermark);
        Assert.True(after.Finished - started >= Lease, $"{held} was finished {after.Finished - started} after the start, before worker-a's lease could expire");

        // Both survivors synced sources: the work was split, not done twice by one.
        var synced = survivors.Select(s => s.Output.Single(l => l.StartsWith("DONE", StringComparison.Ordinal))).ToList();
        Assert.All(synced, line => Assert.Contains("=Succeeded", line, StringComparison.Ordinal));
    }

    private CrashJob Job(string store, string worker, string? stopAt)
    {
        var emulator = _fixture.Emulator;
        var job = new CrashJob
        {
            Store = store,
            WorkerId = worker,
            BatchSize = 100,
            LeaseDuration = Lease,
            MaxConcurrency = 1,
            StopAt = stopAt,
            StopAtHit = 4,
            KazooBaseAddress = emulator.KazooBaseAddress.ToString(),
            KazooToken = emulator.Options.KazooStaticToken,
            VoisoBaseAddress = emulator.VoisoBaseAddress.ToString(),
            VoisoApiKey = emulator.Options.VoisoApiKey,
            TelnyxBaseAddress = emulator.TelnyxV1BaseAddress.ToString(),
            TelnyxApiKey = emulator.Options.TelnyxApiKey,
            TelnyxApiUser = emulator.Options.TelnyxApiUser,
        };
        foreach (var (account, i) in KazooDataSet.AccountIds.Select((a, i) => (a, i)))
        {
            job.Sources.Add(new CrashSource { Name = $"kazoo-{i}", Provider = "kazoo", KazooAccount = account, From = From, To = To, Window = TimeSpan.FromHours(3) });
        }

        job.Sources.Add(new CrashSource { Name = "voiso", Provider = "voiso", From = From, To = To, Window = TimeSpan.FromHours(3) });
        job.Sources.Add(new CrashSource { Name = "telnyx", Provider = "telnyx", From = From, To = To, Window = TimeSpan.FromHours(6) });
        job.Sources.Add(new CrashSource { Name = "kazoo-day", Provider = "kazoo", KazooAccount = KazooDataSet.AccountIds[0], From = From, To = To, Window = TimeSpan.FromHours(1) });
        return job;
    }

    private static async Task<(string? Owner, DateTimeOffset? Expires, string? Outcome, DateTimeOffset? Watermark, DateTimeOffset? Finished)> StateAsync(
        string connectionString, string source, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT lease_owner, lease_expires_at, last_outcome, watermark, last_run_finished_at FROM cdr_sync_state WHERE source = @source", connection);
        command.Parameters.AddWithValue("source", source);
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct), $"no state for {source}");
        DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : new DateTimeOffset(reader.GetDateTime(i), TimeSpan.Zero);
        return (reader.IsDBNull(0) ? null : reader.GetString(0), Time(1), reader.IsDBNull(2) ? null : reader.GetString(2), Time(3), Time(4));
    }
}
