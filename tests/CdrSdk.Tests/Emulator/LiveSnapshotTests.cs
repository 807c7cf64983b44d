using System.Net;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;

namespace CdrSdk.Tests.Emulator;

/// <summary>
/// Live mode's files and documents: a Telnyx report and a TSG export are what existed when they were made (so a
/// resumed download gets the same bytes), and Kazoo's listing, CSV, details, legs and interactions agree at every
/// instant.
/// </summary>
public sealed class LiveSnapshotTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Later = LiveScenario.T0.AddHours(3);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "cdrsdk-live-" + Guid.NewGuid().ToString("N"));
    private LiveScenario _live = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _live = await LiveScenario.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _live.DisposeAsync();
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    [Fact]
    public async Task A_telnyx_report_holds_the_records_that_existed_when_it_was_generated()
    {
        var client = _live.Client("telnyx-cdr");
        var request = new CdrReportRequest
        {
            StartTime = LiveScenario.Since,
            EndTime = LiveScenario.Until,
            CallTypes = [TelnyxCallType.Inbound, TelnyxCallType.Outbound],
            RecordTypes = [TelnyxRecordType.Complete, TelnyxRecordType.Incomplete, TelnyxRecordType.Errors],
        };
        var early = await client.Telnyx.CdrReports.StartAsync(request, Ct);
        await early.WaitForCompletionAsync(Ct);

        _live.MoveTo(Later);
        var earlyRows = await Rows(early);
        var late = await client.Telnyx.CdrReports.StartAsync(request, Ct);
        await late.WaitForCompletionAsync(Ct);

        Assert.Equal(_live.Truth("telnyx-cdr", LiveScenario.T0), earlyRows);
        Assert.Equal(_live.Truth("telnyx-cdr", Later), await Rows(late));
        Assert.True(earlyRows.Count < _live.Truth("telnyx-cdr", Later).Count);
    }

    [Fact]
    public async Task A_live_telnyx_report_kept_in_the_state_directory_is_the_same_file_after_a_restart()
    {
        var options = new CdrEmulatorOptions
        {
            StateDirectory = _state,
            ReportCompletionDelay = TimeSpan.FromMinutes(5),
            CallsPerHour = 200,
            Live = new EmulatorLiveOptions { LateFraction = 0.1, ChangedFraction = 0.1 },
            TimeProvider = new ManualTimeProvider(LiveScenario.T0),
        };
        string id;
        await using (var first = await CdrEmulator.StartAsync(options, Ct))
        await using (var client = TestClients.Telnyx(first))
        {
            id = (await client.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = LiveScenario.Since, EndTime = LiveScenario.Until }, Ct)).Id;
        }

        // The restarted emulator's clock is hours on; the report was generated 5 minutes after it was requested.
        options.TimeProvider = new ManualTimeProvider(Later);
        await using var second = await CdrEmulator.StartAsync(options, Ct);
        await using var again = TestClients.Telnyx(second);
        var resumed = again.Telnyx.CdrReports.ResumeOperation(id);
        await resumed.WaitForCompletionAsync(Ct);

        var expected = second.Data.CallsVisibleAt(LiveScenario.Since, LiveScenario.Until, LiveScenario.T0.AddMinutes(5))
            .Where(c => c.Direction == "inbound" && c.Disposition == "answered").Select(c => (c.Id, c.Cost)).ToList();
        var rows = (await resumed.ReadRowsAsync(Ct).ToListAsync(Ct)).Select(r => (r.Id, r.Cost!.Value)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => (r.Id!, r.Value)));
        Assert.NotEqual(expected.Count, second.Data.CallsVisibleAt(LiveScenario.Since, LiveScenario.Until, Later).Count(c => c.Direction == "inbound" && c.Disposition == "answered"));
    }

    [Fact]
    public async Task A_tsg_export_link_serves_the_records_as_they_were_when_the_link_was_made()
    {
        var client = _live.Client("tsg-voice");
        var query = new TsgCdrQuery { Type = TsgCdrType.Voice, Start = LiveScenario.Since, End = LiveScenario.Until };
        var link = await client.Tsg.Cdrs.GetExportLinkAsync(query, Ct);

        _live.MoveTo(Later);
        using var http = new HttpClient();
        var old = await http.GetStringAsync(link, Ct);
        var again = await http.GetStringAsync(link, Ct);
        var now = await client.Tsg.Cdrs.ReadExportAsync(query, Ct).Select(r => (r["callId"], r["charge"], r["status"])).ToListAsync(Ct);

        Assert.Equal(old, again);
        Assert.Equal(Expected(LiveScenario.T0), Parse(old));
        Assert.Equal(Expected(Later), now);
        Assert.NotEqual(Parse(old), now);

        List<(string?, string?, string?)> Expected(DateTimeOffset at) =>
            _live.Emulator.TsgData.Records("VOICE", LiveScenario.Since, LiveScenario.Until, at).Select(r => ((string?)r.Fields["callId"], (string?)r.Fields["charge"], (string?)r.Fields["status"])).ToList();
    }

    [Fact]
    public async Task Kazoo_listing_csv_details_legs_and_interactions_agree_while_records_arrive_and_change()
    {
        var client = _live.Client("kazoo");
        var query = new KazooCdrQuery { From = LiveScenario.Since, To = LiveScenario.Until, PageSize = 40 };
        _live.MoveTo(LiveScenario.T0.AddMinutes(25));
        var now = _live.Now;
        var truth = _live.KazooLegs(LiveScenario.Since, LiveScenario.Until, now).ToList();
        var revised = truth.Where(l => _live.Emulator.Data.GetCallAt(l.CallIndex, now)!.IsRevised).ToList();
        var pending = _live.Emulator.Data.Calls(LiveScenario.Since, LiveScenario.Until).First(c => c.Index % 2 == 0 && c.IsLate && c.AvailableAt > now && c.EndedAt < LiveScenario.Until);

        var listing = await client.Kazoo.Cdrs.ListAsync(LiveScenario.Account, query, Ct).Select(s => (s.Id, s.DurationSeconds, s.CostUnits, s.HangupCause)).ToListAsync(Ct);
        var csv = await client.Kazoo.Cdrs.ReadCsvAsync(LiveScenario.Account, query, Ct).Select(r => (r.Id, r.DurationSeconds, r.CostUnits, r.HangupCause)).ToListAsync(Ct);
        var interactions = await client.Kazoo.Interactions.ListAsync(LiveScenario.Account, query, Ct).Select(s => s.Id).ToListAsync(Ct);

        Assert.NotEmpty(revised);
        Assert.Equal(truth.Select(l => ((string?)l.CdrId, (long?)l.DurationSeconds, (long?)l.CostUnits, (string?)l.HangupCause)), listing);
        Assert.Equal(listing.OrderBy(l => l.Id, StringComparer.Ordinal), csv.OrderBy(l => l.Id, StringComparer.Ordinal));
        Assert.Equal(
            _live.Emulator.KazooData.Interactions(LiveScenario.Account, null, KazooDataSet.Gregorian(LiveScenario.Since), KazooDataSet.Gregorian(LiveScenario.Until) - 1, ascending: false, now).Select(l => l.CdrId),
            interactions);
        foreach (var leg in revised.Take(6))
        {
            var document = await client.Kazoo.Cdrs.GetAsync(LiveScenario.Account, leg.CdrId, Ct);
            var legs = await client.Kazoo.Interactions.GetLegsAsync(LiveScenario.Account, leg.InteractionId, Ct);

            Assert.Equal((leg.DurationSeconds, leg.BillingSeconds, leg.HangupCause), ((int)document.DurationSeconds!, (int)document.BillingSeconds!, document.HangupCause));
            Assert.Equal(_live.Emulator.KazooData.LegsOf(leg.CallIndex, now).Select(l => l.CdrId), legs.Select(l => l.Id));
            Assert.Contains(legs, l => l.Id == leg.CdrId && l.DurationSeconds == leg.DurationSeconds);
        }

        // A call that has not arrived yet has neither documents nor legs, and is in no listing.
        var pendingId = _live.IdOf("kazoo", pending);
        var missing = await Assert.ThrowsAsync<CdrApiException>(() => client.Kazoo.Cdrs.GetAsync(LiveScenario.Account, pendingId, Ct));
        var noLegs = await Assert.ThrowsAsync<CdrApiException>(() => client.Kazoo.Interactions.GetLegsAsync(LiveScenario.Account, _live.Emulator.KazooData.LegsOf(pending.Index)[0].InteractionId, Ct));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noLegs.StatusCode);
        Assert.DoesNotContain(listing, l => l.Id == pendingId);

        _live.MoveTo(pending.AvailableAt);
        Assert.Equal(pendingId, (await client.Kazoo.Cdrs.GetAsync(LiveScenario.Account, pendingId, Ct)).Id);
    }

    private static async Task<List<LiveRow>> Rows(ReportOperation<CdrReport> operation) =>
        await operation.ReadRowsAsync(Ct).Select(r => new LiveRow(r.Id, r.StartedAt, r.EndedAt, r.Cost, r.Status, TimeSpan.FromSeconds(r.DurationSeconds!.Value))).ToListAsync(Ct);

    private static List<(string?, string?, string?)> Parse(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',').ToList();
        var (id, charge, status) = (header.IndexOf("callId"), header.IndexOf("charge"), header.IndexOf("status"));
        return lines.Skip(1).Select(l => l.Split(',')).Select(f => ((string?)f[id], (string?)f[charge], (string?)f[status])).ToList();
    }
}
