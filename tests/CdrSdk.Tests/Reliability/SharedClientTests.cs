using System.Diagnostics.Metrics;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Tests.Reliability;

/// <summary>Tests that read the SDK's process-wide meters, run alone so no other test adds to them.</summary>
[CollectionDefinition(nameof(MeterIsolation), DisableParallelization = true)]
public sealed class MeterIsolation;

/// <summary>
/// One client shared by 64 concurrent tasks across three providers, with every login token expiring mid-run:
/// each task gets exactly its records, each provider logs in again once (not once per task), and the meters add up.
/// </summary>
[Collection(nameof(MeterIsolation))]
public sealed class SharedClientTests : IAsyncLifetime
{
    private const int Tasks = 64;
    private static readonly string Account = KazooDataSet.AccountIds[0];
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-2);
    private static readonly DateTimeOffset Until = Since.AddHours(8);
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sixty_four_tasks_share_one_client_through_a_token_renewal_without_races()
    {
        var options = new CdrClientOptions
        {
            Kazoo = { BaseAddress = _emulator.KazooBaseAddress, Username = _emulator.Options.KazooUsername, Password = _emulator.Options.KazooPassword, AccountName = _emulator.Options.KazooAccountName },
            Voiso = { BaseAddress = _emulator.VoisoBaseAddress, ApiKey = _emulator.Options.VoisoApiKey },
            Tsg = { BaseAddress = _emulator.TsgBaseAddress, Email = _emulator.Options.TsgEmail, Password = _emulator.Options.TsgPassword },
            Resilience = TestClients.FastResilience(),
        };
        await using var client = new CdrClient(options);
        var expectedKazoo = _emulator.KazooData.Legs(Account, null, KazooDataSet.Gregorian(Since), KazooDataSet.Gregorian(Until) - 1, ascending: true).Select(l => l.CdrId).ToList();
        var expectedVoiso = _emulator.VoisoData.NewestFirst(Since, Until).Select(r => r.Id).ToList();
        var expectedTsg = _emulator.TsgData.Records("SMS", Since, Until).Select(r => r.Datetime.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        using var meters = new RecordMeter();
        var firstPage = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var pages = 0;
        async Task<List<string?>> Run(int task)
        {
            await Task.Yield();
            var listing = (task % 3) switch
            {
                0 => client.Kazoo.Cdrs.ListAsync(Account, new CdrSdk.Kazoo.KazooCdrQuery { From = Since, To = Until, Ascending = true, PageSize = 25 }, Ct).AsPages().Select(p => p.Values.Select(c => c.Id).ToList()),
                1 => client.Voiso.Cdrs.ListAsync(new VoisoCdrQuery { StartedAt = VoisoTimeFilter.Between(Since, Until), Limit = 25 }, Ct).AsPages().Select(p => p.Values.Select(c => c.Id).ToList()),
                _ => client.Tsg.Cdrs.ListAsync(new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Since, End = Until, Limit = 25 }, Ct).AsPages()
                    .Select(p => p.Values.Select(c => c.Datetime?.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()),
            };
            var ids = new List<string?>();
            await foreach (var page in listing)
            {
                ids.AddRange(page);
                Interlocked.Increment(ref pages);
                firstPage[task % 3].TrySetResult();
            }

            return ids;
        }

        var running = Enumerable.Range(0, Tasks).Select(Run).ToList();
        // Every provider has logged in and delivered a page before the tokens expire under the tasks' feet.
        await Task.WhenAll(firstPage.Select(p => p.Task)).WaitAsync(Ct);
        var loginsBefore = (_emulator.KazooLogins, _emulator.TsgLogins);
        _emulator.ExpireKazooTokens();
        _emulator.ExpireTsgTokens();
        var results = await Task.WhenAll(running);

        for (var task = 0; task < Tasks; task++)
        {
            IEnumerable<string?> expected = (task % 3) switch { 0 => expectedKazoo, 1 => expectedVoiso, _ => expectedTsg };
            Assert.Equal(expected, results[task]);
        }

        Assert.Equal((1, 1), loginsBefore);
        Assert.Equal(2, _emulator.KazooLogins);
        Assert.Equal(2, _emulator.TsgLogins);
        Assert.Contains(_emulator.Requests.Snapshot(), r => r.StatusCode == 401);
        Assert.Equal(results.Sum(r => r.Count), meters.Records);
        Assert.Equal(pages, meters.Pages);
    }

    /// <summary>Adds up the SDK's record and page counters.</summary>
    private sealed class RecordMeter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _records;
        private long _pages;

        public RecordMeter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "CdrSdk" && instrument.Name is "cdrsdk.records" or "cdrsdk.pages")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
                Interlocked.Add(ref instrument.Name == "cdrsdk.records" ? ref _records : ref _pages, value));
            _listener.Start();
        }

        public long Records => Interlocked.Read(ref _records);

        public long Pages => Interlocked.Read(ref _pages);

        public void Dispose() => _listener.Dispose();
    }
}
