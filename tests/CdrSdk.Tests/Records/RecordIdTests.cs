using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;

namespace CdrSdk.Tests.Records;

/// <summary>
/// Every <see cref="CallRecord"/> has a non-empty id that is the same on every run: the key a store deduplicates and
/// upserts by. Two runs use two emulators started apart (nothing shared but the seed), so an id that depended on
/// the run (a counter, the clock, the order of pages) would differ; a pinned derived id catches a rule that depends
/// on the process (a randomized string hash) or changes by accident.
/// </summary>
public sealed class RecordIdTests
{
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-4).AddHours(10);
    private static readonly DateTimeOffset Until = Since.AddHours(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Sources =>
    [
        "telnyx-cdr", "telnyx-mdr-v1", "telnyx-mdr-v2", "voiso", "tsg-SMS", "tsg-MMS", "tsg-VOICE", "tsg-API", "kazoo-legs", "kazoo-interactions",
    ];

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Every_record_has_a_non_empty_id_equal_across_two_runs(string source)
    {
        var first = await ListAsync(source);
        var second = await ListAsync(source);

        Assert.True(first.Count > 20, $"{source}: only {first.Count} records");
        Assert.All(first, r => Assert.False(string.IsNullOrWhiteSpace(r.Id)));
        Assert.Equal(first.Select(r => r.Id), second.Select(r => r.Id));
        Assert.Equal(first.Count, first.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        var derived = first.Count(r => r.Id.StartsWith("h1:", StringComparison.Ordinal));
        Assert.Equal(source is "tsg-SMS" or "tsg-MMS" or "tsg-API" ? first.Count : 0, derived);
    }

    [Fact]
    public void A_tsg_message_id_is_derived_from_identifying_fields_only()
    {
        var sent = new TsgMessageCdr
        {
            Datetime = new DateTimeOffset(2026, 11, 20, 21, 5, 57, 123, TimeSpan.Zero),
            FromNumber = "+15551230000",
            ToNumber = "+15559870000",
            Direction = "OUTBOUND",
            Type = "SMS",
            Status = "SENT",
            Charge = 0.0075m,
        };
        var id = TsgCdrSource.ToCallRecord(sent).Id;

        var delivered = Copy(sent, m => { m.Status = "DELIVERED"; m.Charge = 0.008m; });
        var sameInstantOtherOffset = Copy(sent, m => m.Datetime = sent.Datetime!.Value.ToOffset(TimeSpan.FromHours(2)));

        // Pinned: stores hold these ids, so the rule cannot change by accident (or depend on the process, as a string hash would).
        Assert.Equal("h1:tsg-message:742d522c9563198ab4e2c8ed501b63d4", id);
        Assert.Equal(id, TsgCdrSource.ToCallRecord(delivered).Id);
        Assert.Equal(id, TsgCdrSource.ToCallRecord(sameInstantOtherOffset).Id);
        Assert.NotEqual(id, TsgCdrSource.ToCallRecord(Copy(sent, m => m.ToNumber = "+15559870001")).Id);
        Assert.NotEqual(id, TsgCdrSource.ToCallRecord(Copy(sent, m => m.FromNumber = "+15551230001")).Id);
        Assert.NotEqual(id, TsgCdrSource.ToCallRecord(Copy(sent, m => m.Datetime = sent.Datetime!.Value.AddMilliseconds(1))).Id);
        Assert.NotEqual(id, TsgCdrSource.ToCallRecord(Copy(sent, m => m.Type = "MMS")).Id);
        Assert.NotEqual(id, TsgCdrSource.ToCallRecord(Copy(sent, m => m.Direction = "INBOUND")).Id);

        // A voice record keeps TSG's callId; without one it gets a derived id that its session time does not change.
        var voice = new TsgVoiceCdr { Datetime = sent.Datetime, SourceAni = "+1555", DestinationNumber = "+1666", SessionTime = 30, Status = "ANSWERED" };
        Assert.Equal("c-1", TsgCdrSource.ToCallRecord(new TsgVoiceCdr { CallId = "c-1" }).Id);
        Assert.Equal(TsgCdrSource.ToCallRecord(voice).Id, TsgCdrSource.ToCallRecord(new TsgVoiceCdr { Datetime = sent.Datetime, SourceAni = "+1555", DestinationNumber = "+1666", SessionTime = 31 }).Id);
        Assert.StartsWith("h1:tsg-voice:", TsgCdrSource.ToCallRecord(voice).Id, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> TelnyxIdColumns => new()
    {
        { "uuid", "uuid" },
        { "UUID", "uuid" },
        { "Call Leg ID", "call leg id" },
        { "callLegId", "camel" },
        { "call-leg-id", "hyphens" },
        { "telnyx_leg_id", "detail records" },
        { "sip_call_id", "v2 field list" },
        { "Id", "v1" },
    };

    [Theory]
    [MemberData(nameof(TelnyxIdColumns))]
    public void A_telnyx_cdr_id_column_is_found_whatever_its_case_and_separators(string column, string because)
    {
        var row = CdrRow([column, "start_time", "cli", "cld", "status"], ["leg-42", "2026-11-20T21:05:57Z", "+1555", "+1666", "answered"]);

        Assert.Equal("leg-42", row.Id);
        Assert.Equal("leg-42", TelnyxCdrSource.ToCallRecord(row).Id);
        _ = because;
    }

    [Fact]
    public void A_telnyx_report_without_an_id_column_gets_an_id_derived_from_the_call_not_from_its_outcome()
    {
        string[] header = ["Start Time", "End Time", "CLI", "CLD", "Direction", "Connection ID", "Status", "Call Sec", "Billed Sec", "Cost", "call_session_id"];
        var early = CdrRow(header, ["2026-11-20T21:05:57.250Z", "", "+1555", "+1666", "outbound", "c1", "in-progress", "0", "0", "0", "s-1"]);
        var settled = CdrRow(header, ["2026-11-20T21:05:57.250Z", "2026-11-20T21:07:00Z", "+1555", "+1666", "OUTBOUND", "c1", "answered", "63", "60", "0.02", "s-1"]);
        var otherLeg = CdrRow(header, ["2026-11-20T21:05:57.250Z", "2026-11-20T21:07:00Z", "+1555", "+1666", "inbound", "c1", "answered", "63", "60", "0.02", "s-1"]);

        var id = TelnyxCdrSource.ToCallRecord(early).Id;

        Assert.Null(early.Id);
        Assert.Matches("^h1:telnyx-cdr:[0-9a-f]{32}$", id);
        Assert.Equal(id, TelnyxCdrSource.ToCallRecord(settled).Id);
        Assert.NotEqual(id, TelnyxCdrSource.ToCallRecord(otherLeg).Id);

        var mdrHeader = new CdrSdk.Core.Csv.CsvHeader(["Created At", "CLI", "CLD", "Direction", "Status", "Profile ID", "Message Type", "Cost"]);
        var queued = new MdrReportRow(mdrHeader, ["2026-11-20T21:05:57Z", "+1555", "+1666", "outbound", "queued", "p1", "SMS", ""]);
        var delivered = new MdrReportRow(mdrHeader, ["2026-11-20T21:05:57Z", "+1555", "+1666", "outbound", "delivered", "p1", "SMS", "0.004"]);
        Assert.StartsWith("h1:telnyx-mdr:", TelnyxMdrSource.ToCallRecord(queued).Id, StringComparison.Ordinal);
        Assert.Equal(TelnyxMdrSource.ToCallRecord(queued).Id, TelnyxMdrSource.ToCallRecord(delivered).Id);
        Assert.Equal("m-1", TelnyxMdrSource.ToCallRecord(new MdrReportRow(new(["Message ID", "cli"]), ["m-1", "+1555"])).Id);
    }

    [Fact]
    public void A_call_record_refuses_an_empty_id()
    {
        var blank = Assert.Throws<ArgumentException>(() => new CallRecord { Provider = CdrProvider.Tsg, Id = " ", Kind = CallKind.Message, ProviderRecord = new TsgMessageCdr() });
        var record = new CallRecord { Provider = CdrProvider.Tsg, Id = "x", Kind = CallKind.Message, ProviderRecord = new TsgMessageCdr() };

        Assert.Contains("must not be empty", blank.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => record with { Id = "" });
        Assert.Equal("y", (record with { Id = "y" }).Id);
    }

    private static CdrReportRow CdrRow(string[] columns, string[] values) => new(new CdrSdk.Core.Csv.CsvHeader(columns), values);

    private static TsgMessageCdr Copy(TsgMessageCdr source, Action<TsgMessageCdr> change)
    {
        var copy = new TsgMessageCdr
        {
            Datetime = source.Datetime, FromNumber = source.FromNumber, ToNumber = source.ToNumber, Direction = source.Direction,
            Type = source.Type, Status = source.Status, Charge = source.Charge,
        };
        change(copy);
        return copy;
    }

    /// <summary>One run: a fresh emulator, a fresh client, the whole range.</summary>
    private static async Task<List<CallRecord>> ListAsync(string source)
    {
        await using var emulator = await TestClients.StartEmulatorAsync(o =>
        {
            // MMS are a small share of the messages: at 60 an hour some days held fewer than 20 of them in the range.
            o.CallsPerHour = 60;
            o.MessagesPerHour = 240;
        });
        var account = KazooDataSet.AccountIds[0];
        await using var client = source switch
        {
            "telnyx-cdr" or "telnyx-mdr-v1" => TestClients.Telnyx(emulator),
            "telnyx-mdr-v2" => TestClients.Telnyx(emulator, TelnyxApiVersion.V2),
            "voiso" => TestClients.Voiso(emulator),
            "kazoo-legs" or "kazoo-interactions" => TestClients.Kazoo(emulator),
            _ => TestClients.Tsg(emulator),
        };
        ICdrSource cdrs = source switch
        {
            "telnyx-cdr" => client.Telnyx.AsCdrSource(),
            "telnyx-mdr-v1" or "telnyx-mdr-v2" => client.Telnyx.AsMdrSource(),
            "voiso" => client.Voiso.AsCdrSource(),
            "kazoo-legs" => client.Kazoo.AsCdrSource(account),
            "kazoo-interactions" => client.Kazoo.AsCdrSource(account, KazooCdrGranularity.Interaction),
            _ => client.Tsg.AsCdrSource(new TsgCdrType(source["tsg-".Length..])),
        };
        return await cdrs.ListAsync(Since, Until, Ct).ToListAsync(Ct);
    }
}
