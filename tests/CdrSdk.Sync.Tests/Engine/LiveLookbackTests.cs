using CdrSdk.Emulator;
using CdrSdk.Sync.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CdrSdk.Sync.Tests.Engine;

/// <summary>
/// Against the emulator's live mode (records arrive with its clock, some late, some revised later under the same id):
/// a second run's lookback inserts the late records and updates the revised ones, and the incrementally synced store
/// ends equal to a fresh sync of the whole range at the end.
/// </summary>
public sealed class LiveLookbackTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() =>
        _emulator = await CdrEmulator.StartAsync(new CdrEmulatorOptions
        {
            TimeProvider = _clock,
            CallsPerHour = 200,
            Live = new EmulatorLiveOptions { LateFraction = 0.1, LateBy = TimeSpan.FromHours(2), ChangedFraction = 0.1, ChangedAfter = TimeSpan.FromMinutes(30) },
        });

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    [Theory]
    [InlineData("kazoo")]
    [InlineData("voiso")]
    public async Task A_second_run_inserts_late_records_and_updates_changed_ones_within_its_lookback(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        await using var client = new CdrClient(EmulatorFixture.ClientOptions(_emulator));
        CdrSyncSource Source() => new()
        {
            Name = "live-" + provider,
            Records = provider == "voiso" ? client.Voiso.AsCdrSource() : client.Kazoo.AsCdrSource(EmulatorFixture.KazooAccount),
            Start = T0.AddHours(-6),
            Lookback = TimeSpan.FromHours(3),
            Settle = TimeSpan.FromMinutes(1),
            WindowSize = TimeSpan.FromHours(1),
        };

        var incremental = "duckdb:" + folder.File("incremental.duckdb");
        var first = await RunAsync(incremental, Source(), ct);
        Assert.True(first.Counts.Inserted > 500, $"only {first.Counts.Inserted} records");

        _clock.Advance(TimeSpan.FromHours(3));
        var second = await RunAsync(incremental, Source(), ct);
        Assert.True(second.Counts.Inserted > 0, "no late record was inserted");
        Assert.True(second.Counts.Updated > 0, "no changed record was updated");
        Assert.True(second.Counts.Unchanged > 0, "the lookback re-read nothing unchanged");

        // A fresh sync of the same range at the same instant: the incremental store must hold exactly the same records.
        var fresh = "duckdb:" + folder.File("fresh.duckdb");
        var all = await RunAsync(fresh, Source(), ct);
        Assert.Equal(0, all.Counts.Updated);
        var incrementalRows = StoreRows.DuckDb(folder.File("incremental.duckdb"));
        Assert.Equal(all.Counts.Inserted, incrementalRows.Count);
        Assert.Equal(StoreRows.Checksum(StoreRows.DuckDb(folder.File("fresh.duckdb"))), StoreRows.Checksum(incrementalRows));
    }

    private async Task<CdrSyncSourceResult> RunAsync(string location, CdrSyncSource source, CancellationToken ct)
    {
        await using var store = CdrSyncStore.Open(location);
        using var engine = new CdrSyncEngine(store, timeProvider: _clock);
        var result = Assert.Single((await engine.RunAsync([source], cancellationToken: ct)).Sources);
        Assert.True(result.Outcome == CdrSyncOutcome.Succeeded, result.Error);
        return result;
    }
}
