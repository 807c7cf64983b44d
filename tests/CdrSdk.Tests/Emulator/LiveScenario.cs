using System.Globalization;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;

namespace CdrSdk.Tests.Emulator;

/// <summary>The fields of a record that live mode moves or changes, as the SDK's unified view gives them.</summary>
internal sealed record LiveRow(string? Id, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, decimal? Cost, string? Outcome, TimeSpan? Duration)
{
    public static LiveRow Of(CallRecord r) => new(r.Id, r.StartedAt, r.EndedAt, r.Cost, r.RawOutcome, r.Duration);
}

/// <summary>
/// A live emulator on a manual clock, one SDK source per provider, and the truth each provider must serve at the
/// clock's instant, computed from the data set views alone. The window starts 3 hours before <see cref="T0"/> and
/// ends 10 minutes before it: at <see cref="T0"/> some of its calls are still in progress, late ones are pending
/// and revisions are due over the next hours; by <see cref="T0"/> + 3 h everything in it is final.
/// </summary>
internal sealed class LiveScenario : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Since = T0.AddHours(-3);
    public static readonly DateTimeOffset Until = T0.AddMinutes(-10);
    public static readonly string Account = KazooDataSet.AccountIds[0];

    private readonly List<CdrClient> _clients = [];

    private LiveScenario(CdrEmulator emulator, ManualTimeProvider clock)
    {
        Emulator = emulator;
        Clock = clock;
    }

    public static TheoryData<string> Providers => ["telnyx-cdr", "telnyx-mdr", "voiso", "tsg-voice", "tsg-sms", "kazoo"];

    public CdrEmulator Emulator { get; }

    public ManualTimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<LiveScenario> StartAsync(Action<EmulatorLiveOptions>? configure = null)
    {
        var clock = new ManualTimeProvider(T0);
        var live = new EmulatorLiveOptions { LateFraction = 0.1, ChangedFraction = 0.1 };
        configure?.Invoke(live);
        var emulator = await TestClients.StartEmulatorAsync(o =>
        {
            o.TimeProvider = clock;
            o.ReportCompletionDelay = TimeSpan.Zero;
            o.CallsPerHour = 200;
            o.MessagesPerHour = 200;
            o.Live = live;
        });
        return new LiveScenario(emulator, clock);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await Emulator.DisposeAsync();
    }

    /// <summary>Moves the emulator's clock to <paramref name="instant"/> (never backwards).</summary>
    public void MoveTo(DateTimeOffset instant) => Clock.Advance(instant - Now);

    public CdrClient Client(string provider)
    {
        var client = provider switch
        {
            "telnyx-cdr" or "telnyx-mdr" => TestClients.Telnyx(Emulator),
            "voiso" => TestClients.Voiso(Emulator),
            "tsg-voice" or "tsg-sms" => TestClients.Tsg(Emulator),
            _ => TestClients.Kazoo(Emulator),
        };
        _clients.Add(client);
        return client;
    }

    /// <summary>What the provider serves for [since, until) now, read through the SDK (small pages, so cursors and keys are used).</summary>
    public async Task<List<LiveRow>> ServedAsync(string provider, DateTimeOffset? since = null, DateTimeOffset? until = null)
    {
        var client = Client(provider);
        ICdrSource source = provider switch
        {
            "telnyx-cdr" => client.Telnyx.AsCdrSource(),
            "telnyx-mdr" => client.Telnyx.AsMdrSource(),
            "voiso" => client.Voiso.AsCdrSource(q => q with { Limit = 40 }),
            "tsg-voice" => client.Tsg.AsCdrSource(TsgCdrType.Voice, q => q with { Limit = 40 }),
            "tsg-sms" => client.Tsg.AsCdrSource(TsgCdrType.Sms, q => q with { Limit = 40 }),
            _ => client.Kazoo.AsCdrSource(Account, q => q with { PageSize = 40 }),
        };
        var rows = new List<LiveRow>();
        await foreach (var record in source.ListAsync(since ?? Since, until ?? Until, Ct))
        {
            rows.Add(LiveRow.Of(record));
        }

        return rows;
    }

    /// <summary>What the provider must serve for [since, until) at <paramref name="now"/>, from the data set views, in the provider's order.</summary>
    public List<LiveRow> Truth(string provider, DateTimeOffset now, DateTimeOffset? since = null, DateTimeOffset? until = null)
    {
        var (from, to) = (since ?? Since, until ?? Until);
        return provider switch
        {
            "telnyx-cdr" => Emulator.Data.CallsVisibleAt(from, to, now).Select(c => new LiveRow(c.Id, c.StartedAt, c.EndedAt, c.Cost, c.Disposition, Seconds(c.DurationSeconds))).ToList(),
            "telnyx-mdr" => Emulator.Data.MessagesVisibleAt(from, to, now).Select(m => new LiveRow(m.Id, m.CreatedAt, m.CompletedAt, m.Cost, m.Status, null)).ToList(),
            "voiso" => Emulator.VoisoData.NewestFirst(from, to, now).Select(r => new LiveRow(r.Id, r.StartedAt, r.EndedAt, null, r.Disposition, Seconds(r.Duration))).ToList(),
            "tsg-voice" => Emulator.TsgData.Records("VOICE", from, to, now).Select(r =>
            {
                var session = Seconds(long.Parse(r.Fields["sessionTime"], CultureInfo.InvariantCulture));
                return new LiveRow(r.Fields["callId"], r.Datetime, r.Datetime + session, Money(r.Fields["charge"]), r.Fields["status"], session);
            }).ToList(),
            // TSG gives messages no id: the SDK derives one from the identifying fields (docs/unified-records.md, Ids).
            "tsg-sms" => Emulator.TsgData.Records("SMS", from, to, now).Select(r => new LiveRow(
                CdrSdk.DerivedRecordId.Create("tsg-message", CdrSdk.DerivedRecordId.Instant(r.Datetime), r.Fields["type"], r.Fields["fromNumber"], r.Fields["toNumber"], r.Fields["direction"]), r.Datetime, null, Money(r.Fields["charge"]), r.Fields["status"], null)).ToList(),
            _ => KazooLegs(from, to, now, ascending: true).Select(l =>
            {
                var ended = KazooDataSet.Instant(l.Timestamp);
                return new LiveRow(l.CdrId, ended - Seconds(l.DurationSeconds), ended, l.CostUnits / 10_000m, l.HangupCause, Seconds(l.DurationSeconds));
            }).ToList(),
        };
    }

    /// <summary>The Kazoo legs stamped in [since, until) at <paramref name="now"/>, newest first as Kazoo lists by default, or oldest first as the SDK's Kazoo source asks (the SDK asks for whole seconds, the end exclusive).</summary>
    public IEnumerable<KazooLeg> KazooLegs(DateTimeOffset since, DateTimeOffset until, DateTimeOffset now, bool ascending = false) =>
        Emulator.KazooData.Legs(Account, null, KazooDataSet.Gregorian(since), KazooDataSet.Gregorian(until) - 1, ascending, now);

    /// <summary>The provider's id of a seed call's record (Kazoo: its A-leg's CDR id).</summary>
    public string IdOf(string provider, SeedCall call) => provider switch
    {
        "kazoo" => Emulator.KazooData.LegsOf(call.Index)[0].CdrId,
        _ => call.Id,
    };

    private static TimeSpan Seconds(long seconds) => TimeSpan.FromSeconds(seconds);

    private static decimal Money(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
