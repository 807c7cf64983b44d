using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Tests.Records;

/// <summary>
/// Every provider's records through <see cref="ICdrSource"/>, field by field, against the emulator's own data
/// (computed independently of the SDK) and the mapping documented in docs/unified-records.md.
/// </summary>
public sealed class CallRecordMappingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-3).AddHours(9);
    private static readonly DateTimeOffset Until = Since.AddHours(2);
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync(o =>
    {
        o.CallsPerHour = 90;
        o.MessagesPerHour = 90;
    });

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Telnyx_cdr_rows_map_every_field()
    {
        await using var client = TestClients.Telnyx(_emulator);

        var records = await client.Telnyx.AsCdrSource().ListAsync(Since, Until, Ct).ToListAsync(Ct);

        var expected = _emulator.Data.Calls(Since, Until).ToList();
        Assert.True(expected.Count > 100, $"only {expected.Count} calls in the window");
        Assert.Equal(expected.Count, records.Count);
        foreach (var (record, call) in records.Zip(expected))
        {
            Assert.Equal(CdrProvider.Telnyx, record.Provider);
            Assert.Equal(call.Id, record.Id);
            Assert.Equal(CallKind.Call, record.Kind);
            Assert.Equal(call.Direction == "inbound" ? CallDirection.Inbound : CallDirection.Outbound, record.Direction);
            Assert.Equal(call.From, record.From);
            Assert.Equal(call.To, record.To);
            Assert.Equal(call.StartedAt, record.StartedAt);
            Assert.Equal(call.AnsweredAt, record.AnsweredAt);
            Assert.Equal(call.EndedAt, record.EndedAt);
            Assert.Equal(TimeSpan.FromSeconds(call.DurationSeconds), record.Duration);
            Assert.Equal(TimeSpan.FromSeconds(call.BillableSeconds), record.BillableDuration);
            Assert.Equal(call.Disposition, record.RawOutcome);
            Assert.Equal(ExpectedOutcome(call.Disposition), record.Outcome);
            Assert.Equal(call.Cost, record.Cost);
            Assert.Equal("USD", record.Currency);
            Assert.Equal(call.ConnectionId, record.GetProviderRecord<CdrReportRow>().ConnectionId);
        }
    }

    [Fact]
    public async Task Telnyx_mdr_rows_map_every_field()
    {
        await using var client = TestClients.Telnyx(_emulator);

        var records = await client.Telnyx.AsMdrSource().ListAsync(Since, Until, Ct).ToListAsync(Ct);

        var expected = _emulator.Data.Messages(Since, Until).ToList();
        Assert.Equal(expected.Count, records.Count);
        Assert.True(records.Count > 100);
        foreach (var (record, message) in records.Zip(expected))
        {
            Assert.Equal(message.Id, record.Id);
            Assert.Equal(CallKind.Message, record.Kind);
            Assert.Equal(message.Direction == "inbound" ? CallDirection.Inbound : CallDirection.Outbound, record.Direction);
            Assert.Equal((message.From, message.To), (record.From, record.To));
            Assert.Equal(message.CreatedAt, record.StartedAt);
            Assert.Null(record.AnsweredAt);
            Assert.Equal(message.CompletedAt, record.EndedAt);
            Assert.Null(record.Duration);
            Assert.Null(record.BillableDuration);
            Assert.Equal(message.Status, record.RawOutcome);
            Assert.Equal(message.Status switch { "delivered" => CallOutcome.Delivered, "sent" => CallOutcome.Sent, _ => CallOutcome.Failed }, record.Outcome);
            Assert.Equal(message.Cost, record.Cost);
            Assert.Equal(message.Currency, record.Currency);
            Assert.Equal(message.ProfileId, record.GetProviderRecord<MdrReportRow>().ProfileId);
        }
    }

    [Fact]
    public async Task Voiso_records_map_every_field_for_each_type()
    {
        await using var client = TestClients.Voiso(_emulator);

        var records = await client.Voiso.AsCdrSource(q => q with { Limit = 200 }).ListAsync(Since, Until, Ct).ToListAsync(Ct);

        var expected = _emulator.VoisoData.NewestFirst(Since, Until).ToList();
        Assert.Equal(expected.Count, records.Count);
        Assert.Equal(["call", "conversation", "hlr_lookup", "sms"], expected.Select(e => e.Type).Distinct().Order(StringComparer.Ordinal));
        foreach (var (record, voiso) in records.Zip(expected))
        {
            Assert.Equal(CdrProvider.Voiso, record.Provider);
            Assert.Equal(voiso.Id, record.Id);
            Assert.Equal(voiso.Type switch { "call" => CallKind.Call, "sms" or "conversation" => CallKind.Message, _ => CallKind.Other }, record.Kind);
            Assert.Equal(ExpectedDirection(voiso.Subtype), record.Direction);
            Assert.Equal(voiso.Type is "call" or "sms" ? voiso.FromPhoneNumber : null, record.From);
            Assert.Equal(voiso.Type is "conversation" ? null : voiso.ToPhoneNumber, record.To);
            Assert.Equal(voiso.StartedAt, record.StartedAt);
            Assert.Equal(voiso.Type == "call" ? voiso.AnsweredAt : null, record.AnsweredAt);
            Assert.Equal(voiso.EndedAt, record.EndedAt);
            Assert.Equal(TimeSpan.FromSeconds(voiso.Duration), record.Duration);
            Assert.Equal(voiso.Type == "call" ? TimeSpan.FromSeconds(voiso.TalkDuration!.Value) : null, record.BillableDuration);
            Assert.Equal(voiso.Disposition, record.RawOutcome);
            Assert.Equal(ExpectedOutcome(voiso.Disposition), record.Outcome);
            Assert.Null(record.Cost);
            Assert.Equal(voiso.Id, record.GetProviderRecord<VoisoCdr>().Id);
        }
    }

    [Theory]
    [InlineData("SMS")]
    [InlineData("VOICE")]
    [InlineData("API")]
    public async Task Tsg_records_map_every_field(string type)
    {
        await using var client = TestClients.Tsg(_emulator);

        var records = await client.Tsg.AsCdrSource(new TsgCdrType(type), q => q with { Limit = 250 }).ListAsync(Since, Until, Ct).ToListAsync(Ct);

        var expected = _emulator.TsgData.Records(type, Since, Until).ToList();
        Assert.True(expected.Count > 10, $"only {expected.Count} {type} records in the window");
        Assert.Equal(expected.Count, records.Count);
        foreach (var (record, tsg) in records.Zip(expected))
        {
            var f = tsg.Fields;
            Assert.Equal(CdrProvider.Tsg, record.Provider);
            Assert.Equal(tsg.Datetime, record.StartedAt);
            Assert.Equal(decimal.Parse(f["charge"], System.Globalization.CultureInfo.InvariantCulture), record.Cost);
            Assert.Null(record.Currency);
            Assert.Null(record.AnsweredAt);
            Assert.Equal(f["status"], record.RawOutcome);
            Assert.Equal(ExpectedOutcome(f["status"]), record.Outcome);
            switch (type)
            {
                case "SMS":
                    Assert.StartsWith("h1:tsg-message:", record.Id, StringComparison.Ordinal);
                    Assert.Equal(CallKind.Message, record.Kind);
                    Assert.Equal(ExpectedDirection(f["direction"]), record.Direction);
                    Assert.Equal((f["fromNumber"], f["toNumber"]), (record.From, record.To));
                    Assert.Null(record.EndedAt);
                    Assert.Null(record.Duration);
                    Assert.IsType<TsgMessageCdr>(record.ProviderRecord);
                    break;
                case "VOICE":
                    var seconds = TimeSpan.FromSeconds(int.Parse(f["sessionTime"], System.Globalization.CultureInfo.InvariantCulture));
                    Assert.Equal(f["callId"], record.Id);
                    Assert.Equal(CallKind.Call, record.Kind);
                    Assert.Equal(ExpectedDirection(f["callType"]), record.Direction);
                    Assert.Equal((f["sourceAni"], f["destinationNumber"]), (record.From, record.To));
                    Assert.Equal(seconds, record.Duration);
                    Assert.Equal(seconds, record.BillableDuration);
                    Assert.Equal(tsg.Datetime + seconds, record.EndedAt);
                    Assert.Equal(f["didUsed"], record.GetProviderRecord<TsgVoiceCdr>().DidUsed);
                    break;
                default:
                    Assert.StartsWith("h1:tsg-api:", record.Id, StringComparison.Ordinal);
                    Assert.Equal(CallKind.Other, record.Kind);
                    Assert.Equal(CallDirection.Unknown, record.Direction);
                    Assert.Equal((f["from"], f["destination"]), (record.From, record.To));
                    Assert.Equal(f["type"], record.GetProviderRecord<TsgApiCdr>().Type);
                    break;
            }
        }
    }

    [Fact]
    public async Task Kazoo_cdrs_map_every_field()
    {
        await using var client = TestClients.Kazoo(_emulator);
        var account = KazooDataSet.AccountIds[0];

        var records = await client.Kazoo.AsCdrSource(account, q => q with { Ascending = true, PageSize = 100 }).ListAsync(Since, Until, Ct).ToListAsync(Ct);

        var expected = _emulator.KazooData.Legs(account, null, KazooDataSet.Gregorian(Since), KazooDataSet.Gregorian(Until) - 1, ascending: true).ToList();
        Assert.True(expected.Count > 100);
        Assert.Equal(expected.Count, records.Count);
        foreach (var (record, leg) in records.Zip(expected))
        {
            var ended = KazooDataSet.Instant(leg.Timestamp);
            Assert.Equal(CdrProvider.Kazoo, record.Provider);
            Assert.Equal(leg.CdrId, record.Id);
            Assert.Equal(CallKind.Call, record.Kind);
            Assert.Equal(leg.CallDirection == "inbound" ? CallDirection.Inbound : CallDirection.Outbound, record.Direction);
            Assert.Equal((leg.CallerIdNumber, leg.CalleeIdNumber), (record.From, record.To));
            Assert.Equal(ended, record.EndedAt);
            Assert.Equal(ended.AddSeconds(-leg.DurationSeconds), record.StartedAt);
            Assert.Equal(leg.BillingSeconds > 0 ? ended.AddSeconds(-leg.BillingSeconds) : null, record.AnsweredAt);
            Assert.Equal(TimeSpan.FromSeconds(leg.DurationSeconds), record.Duration);
            Assert.Equal(TimeSpan.FromSeconds(leg.BillingSeconds), record.BillableDuration);
            Assert.Equal(leg.HangupCause, record.RawOutcome);
            var outcome = ExpectedOutcome(leg.HangupCause);
            Assert.Equal(outcome == CallOutcome.Answered && leg.BillingSeconds == 0 ? CallOutcome.NoAnswer : outcome, record.Outcome);
            Assert.Equal(leg.CostUnits / 10_000m, record.Cost);
            Assert.Null(record.Currency);
            Assert.Equal(leg.CallId, record.GetProviderRecord<KazooCdrSummary>().CallId);
        }
    }

    [Fact]
    public void A_kazoo_leg_cleared_normally_without_billable_time_was_not_answered()
    {
        var summary = new KazooCdrSummary
        {
            Id = "202611-abc",
            HangupCause = "NORMAL_CLEARING",
            DurationSeconds = 30,
            BillingSeconds = 0,
            TimestampGregorianSeconds = 63_900_000_000,
            From = "+15551230000@realm.test",
            To = "+15559870000@realm.test",
        };

        var record = KazooCdrSource.ToCallRecord(summary);

        Assert.Equal(CallOutcome.NoAnswer, record.Outcome);
        Assert.Equal("NORMAL_CLEARING", record.RawOutcome);
        Assert.Null(record.AnsweredAt);
        Assert.Equal(("+15551230000", "+15559870000"), (record.From, record.To));
        Assert.Equal(record.EndedAt!.Value.AddSeconds(-30), record.StartedAt);
        Assert.Equal(CallOutcome.Answered, KazooCdrSource.ToCallRecord(new KazooCdrSummary { HangupCause = "NORMAL_CLEARING", BillingSeconds = 1 }).Outcome);
        Assert.Equal(CallOutcome.Unknown, KazooCdrSource.ToCallRecord(new KazooCdrSummary()).Outcome);
    }

    [Fact]
    public void Asking_for_another_provider_record_type_names_both_types()
    {
        var record = new CallRecord { Provider = CdrProvider.Tsg, Id = "m-1", Kind = CallKind.Message, ProviderRecord = new TsgMessageCdr() };

        var ex = Assert.Throws<InvalidCastException>(() => record.GetProviderRecord<KazooCdrSummary>());

        Assert.Equal("This TSG record is a TsgMessageCdr, not a KazooCdrSummary.", ex.Message);
        Assert.Same(record.ProviderRecord, record.GetProviderRecord<TsgCdr>());
    }

    /// <summary>The documented outcome table, written out again independently of <see cref="CallOutcomes"/>.</summary>
    private static CallOutcome ExpectedOutcome(string raw) => raw.ToUpperInvariant() switch
    {
        "ANSWERED" or "NORMAL_CLEARING" => CallOutcome.Answered,
        "NO_ANSWER" or "MISSED" => CallOutcome.NoAnswer,
        "BUSY" or "USER_BUSY" => CallOutcome.Busy,
        "FAILED" or "CALL_REJECTED" or "REJECTED" or "NOT_DELIVERED" or "NOT_SENT" => CallOutcome.Failed,
        "DELIVERED" => CallOutcome.Delivered,
        "SENT" => CallOutcome.Sent,
        "SUCCESS" => CallOutcome.Completed,
        "ACTIVE" => CallOutcome.Unknown,
        _ => throw new InvalidOperationException($"The test has no expectation for '{raw}'."),
    };

    private static CallDirection ExpectedDirection(string raw) => raw.ToLowerInvariant() switch
    {
        "inbound" or "inbound_sms" => CallDirection.Inbound,
        "outbound" or "outbound_sms" or "dialer" or "click_to_call" or "queue_callback" => CallDirection.Outbound,
        _ => CallDirection.Unknown,
    };
}
