using System.Net;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Voiso;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Voiso;
using static CdrSdk.Tests.Infrastructure.Collect;

namespace CdrSdk.Tests.Voiso;

/// <summary>Voiso listings against the emulator: filters, paging past 10,000, resuming, cursors, records, errors.</summary>
public sealed class VoisoListingTests : IAsyncLifetime
{
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync(o => o.CallsPerHour = 240);

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset From = TestTime.UtcDay(-2);
    private static readonly DateTimeOffset To = TestTime.UtcDay(-1);

    private List<VoisoRecord> Day => _emulator.VoisoData.NewestFirst(From, To).ToList();

    public static TheoryData<string, VoisoCdrQuery, Func<VoisoRecord, bool>> Filters => new()
    {
        { "type", new() { Type = [VoisoCdrType.Sms, VoisoCdrType.HlrLookup] }, r => r.Type is "sms" or "hlr_lookup" },
        { "subtype", new() { Subtype = [VoisoSubtype.Dialer] }, r => r.Subtype == "dialer" },
        { "disposition", new() { Disposition = [VoisoDisposition.Missed, VoisoDisposition.Busy] }, r => r.Disposition is "missed" or "busy" },
        { "external account", new() { ExternalAccountId = ["ext-3", "ext-7"] }, r => r.ExternalAccountId is "ext-3" or "ext-7" },
        { "wrap-up code", new() { WrapUpCode = ["wrap-2"] }, r => r.WrapUpCode == "wrap-2" },
        { "end reason", new() { EndReason = [VoisoEndReason.SystemReject] }, r => r.EndReason == "system_reject" },
        { "event tag", new() { EventTag = [VoisoEventTag.Hold] }, r => r.EventTags.Contains("hold") },
        { "all transfers", new() { EventTag = [VoisoEventTag.AllTransfers] }, r => r.EventTags.Any(VoisoDataSet.TransferTags.Contains) },
        { "from numbers", new() { FromPhoneNumberLike = "+4420*" }, r => r.FromPhoneNumber?.StartsWith("+4420", StringComparison.Ordinal) == true },
        { "to pattern", new() { ToPhoneNumberLike = "*55*9" }, r => r.ToPhoneNumber is { } n && n.Contains("55", StringComparison.Ordinal) && n.EndsWith('9') },
        { "source channel account", new() { SourceChannelAccountId = ["ch-acc-2"] }, r => r.SourceChannelAccountId == "ch-acc-2" },
        { "destination channel account", new() { DestinationChannelAccountId = ["ch-acc-5"] }, r => r.DestinationChannelAccountId == "ch-acc-5" },
        { "source channel profile", new() { SourceChannelProfileId = ["ch-prof-1", "ch-prof-4"] }, r => r.SourceChannelProfileId is "ch-prof-1" or "ch-prof-4" },
        { "destination channel profile", new() { DestinationChannelProfileId = ["ch-prof-7"] }, r => r.DestinationChannelProfileId == "ch-prof-7" },
        { "user", new() { UserId = ["105", "117"] }, r => r.UserId is "105" or "117" },
        { "team", new() { TeamId = ["203"] }, r => r.TeamId == "203" },
        { "queue", new() { QueueId = ["302"] }, r => r.QueueId == "302" },
        { "campaign", new() { CampaignId = ["404"] }, r => r.CampaignId == "404" },
        { "country", new() { DestinationCountry = ["France"] }, r => r.DestinationCountry == "France" },
        { "score range", new() { ConversationScore = VoisoNumberFilter.Between(8, 10) }, r => r.ConversationScore is >= 8 and <= 10 },
        { "duration at least", new() { Duration = VoisoNumberFilter.AtLeast(600) }, r => r.Duration >= 600 },
        { "dialing exact", new() { DialingDuration = VoisoNumberFilter.Equal(7) }, r => r.DialingDuration == 7 },
        { "ivr at most", new() { IvrDuration = VoisoNumberFilter.AtMost(8) }, r => r.IvrDuration <= 8 },
        { "queue duration", new() { QueueDuration = VoisoNumberFilter.Between(10, 20) }, r => r.QueueDuration is >= 10 and <= 20 },
        { "talk duration", new() { TalkDuration = VoisoNumberFilter.AtLeast(800) }, r => r.TalkDuration >= 800 },
        { "hold duration", new() { HoldDuration = VoisoNumberFilter.AtLeast(1) }, r => r.HoldDuration >= 1 },
        { "ended range", new() { EndedAt = VoisoTimeFilter.Before(From.AddHours(3)) }, r => r.EndedAt < From.AddHours(3) },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_returns_exactly_the_matching_records(string because, VoisoCdrQuery query, Func<VoisoRecord, bool> predicate)
    {
        await using var client = TestClients.Voiso(_emulator);

        var records = await All(client.Voiso.Cdrs.ListAsync(query with { StartedAt = VoisoTimeFilter.Between(From, To), Limit = 250 }, Ct));

        var expected = Day.Where(predicate).Select(r => r.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < Day.Count, because);
        Assert.Equal(expected, records.Select(r => r.Id));
    }

    [Fact]
    public async Task Filters_combine()
    {
        await using var client = TestClients.Voiso(_emulator, o => o.ArrayStyle = VoisoArrayStyle.Repeated);
        var query = new VoisoCdrQuery
        {
            StartedAt = VoisoTimeFilter.Between(From, To),
            Type = [VoisoCdrType.Call],
            Subtype = [VoisoSubtype.Inbound, VoisoSubtype.QueueCallback],
            Disposition = [VoisoDisposition.Answered],
            QueueId = ["301", "302", "303"],
            TalkDuration = VoisoNumberFilter.Between(60, 600),
            FromPhoneNumberLike = "+1*",
        };

        var records = await All(client.Voiso.Cdrs.ListAsync(query, Ct));

        var expected = Day.Where(r => r.Type == "call" && r.Subtype is "inbound" or "queue_callback" && r.Disposition == "answered"
            && r.QueueId is "301" or "302" or "303" && r.TalkDuration is >= 60 and <= 600 && r.FromPhoneNumber!.StartsWith("+1", StringComparison.Ordinal)).Select(r => r.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, records.Select(r => r.Id));
        Assert.Contains("subtype=inbound&subtype=queue_callback", _emulator.Requests.Snapshot()[0].QueryString, StringComparison.Ordinal);
        Assert.Equal(expected.Count, await client.Voiso.Cdrs.CountAsync(query, Ct));
    }

    [Fact]
    public async Task A_call_record_carries_every_field_typed()
    {
        await using var client = TestClients.Voiso(_emulator);
        var source = Day.First(r => r.Type == "call" && r.Disposition == "answered" && r.EventTags.Count > 0 && r.QueueId is not null && r.ExternalAccountId is not null);

        var record = Assert.IsType<VoisoCallCdr>(Assert.Single(await All(client.Voiso.Cdrs.ListAsync(new VoisoCdrQuery { StartedAt = new VoisoTimeFilter { At = source.StartedAt } }, Ct))));

        Assert.Equal(source.Id, record.Id);
        Assert.Equal(VoisoCdrType.Call, record.Type);
        Assert.Equal(source.StartedAt, record.StartedAt);
        Assert.Equal(source.EndedAt, record.EndedAt);
        Assert.Equal(source.AnsweredAt, record.Data.AnsweredAt);
        Assert.Equal(new VoisoSubtype(source.Subtype), record.Data.Subtype);
        Assert.Equal(VoisoDisposition.Answered, record.Data.Disposition);
        Assert.Equal(source.UserId, record.Data.UserId);
        Assert.Equal(source.TeamId, record.Data.TeamId);
        Assert.Equal(source.QueueId, record.Data.QueueId);
        Assert.Equal(source.ExternalAccountId, record.Data.ExternalAccountId);
        Assert.Equal(source.WrapUpCode, record.Data.WrapUpCode);
        Assert.Equal(new VoisoEndReason(source.EndReason!), record.Data.EndReason);
        Assert.Equal(source.EventTags, record.Data.EventTags!.Select(t => t.Value));
        Assert.Equal(source.FromPhoneNumber, record.Data.FromPhoneNumber);
        Assert.Equal(source.ToPhoneNumber, record.Data.ToPhoneNumber);
        Assert.Equal(source.DestinationCountry, record.Data.DestinationCountry);
        Assert.Equal(source.Duration, record.Data.Duration);
        Assert.Equal(source.DialingDuration, record.Data.DialingDuration);
        Assert.Equal(source.IvrDuration, record.Data.IvrDuration);
        Assert.Equal(source.QueueDuration, record.Data.QueueDuration);
        Assert.Equal(source.TalkDuration, record.Data.TalkDuration);
        Assert.Equal(source.HoldDuration, record.Data.HoldDuration);
    }

    [Fact]
    public async Task Conversation_sms_and_hlr_records_are_typed_too()
    {
        await using var client = TestClients.Voiso(_emulator);

        var records = await All(client.Voiso.Cdrs.ListAsync(new VoisoCdrQuery { StartedAt = VoisoTimeFilter.Between(From, From.AddHours(6)), Type = [VoisoCdrType.Conversation, VoisoCdrType.Sms, VoisoCdrType.HlrLookup] }, Ct));

        var byId = Day.ToDictionary(r => r.Id);
        var conversation = records.OfType<VoisoConversationCdr>().First();
        var c = byId[conversation.Id!];
        Assert.Equal(c.ConversationScore, conversation.Data.ConversationScore);
        Assert.Equal(c.SourceChannelAccountId, conversation.Data.SourceChannelAccountId);
        Assert.Equal(c.DestinationChannelProfileId, conversation.Data.DestinationChannelProfileId);
        Assert.Equal(new VoisoSubtype(c.Subtype), conversation.Data.Subtype);
        var sms = records.OfType<VoisoSmsCdr>().First();
        Assert.Equal(byId[sms.Id!].MessageParts, sms.Data.MessageParts);
        Assert.Equal(byId[sms.Id!].ToPhoneNumber, sms.Data.ToPhoneNumber);
        var hlr = records.OfType<VoisoHlrLookupCdr>().First();
        Assert.Equal(byId[hlr.Id!].Network, hlr.Data.Network);
        Assert.Equal(byId[hlr.Id!].Status, hlr.Data.Status);
        Assert.DoesNotContain(records, r => r is VoisoCallCdr or VoisoUnknownCdr);
    }

    [Fact]
    public async Task Unknown_types_fields_and_enum_values_are_preserved_and_the_data_key_is_accepted()
    {
        await using var client = TestClients.Voiso(_emulator);
        _emulator.Faults.Add(new FaultRule
        {
            StatusCode = 200,
            Body = """
                {"data":[
                  {"id":9,"type":"email","started_at":"2024-11-01T10:00:00Z","data":{"subject":"hi","size":3},"extra":true},
                  {"id":"c-1","type":"call","data":{"disposition":"transferred_to_ai","subtype":"robocall","event_tags":["whisper"],"duration":"42","user_id":77,"new_field":[1]}}
                ],"metadata":{"total":"2","next_cursor":null}}
                """,
        });

        var records = await All(client.Voiso.Cdrs.ListAsync(null, Ct));

        var unknown = Assert.IsType<VoisoUnknownCdr>(records[0]);
        Assert.Equal("9", unknown.Id);
        Assert.Equal("email", unknown.Type.Value);
        Assert.Equal("hi", unknown.Data.GetProperty("subject").GetString());
        Assert.True(unknown.AdditionalProperties!["extra"].GetBoolean());
        var call = Assert.IsType<VoisoCallCdr>(records[1]);
        Assert.Equal("transferred_to_ai", call.Data.Disposition!.Value.Value);
        Assert.Equal("robocall", call.Data.Subtype!.Value.Value);
        Assert.Equal("whisper", call.Data.EventTags![0].Value);
        Assert.Equal(42, call.Data.Duration);
        Assert.Equal("77", call.Data.UserId);
        Assert.Equal("[1]", call.Data.AdditionalProperties!["new_field"].GetRawText());
        Assert.Null(call.StartedAt);
    }

    [Fact]
    public async Task Api_errors_carry_the_field_messages()
    {
        await using var client = TestClients.Voiso(_emulator, o => o.ApiKey = "wrong-key-0000");
        var unauthorized = await Assert.ThrowsAsync<CdrApiException>(() => All(client.Voiso.Cdrs.ListAsync(null, Ct)));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("Unauthorized", unauthorized.ErrorTitle);

        await using var good = TestClients.Voiso(_emulator, null);
        _emulator.Faults.Add(new FaultRule { StatusCode = 422, Body = """{"errors":{"queue_id":["is not a number"],"limit":["is too large","is odd"]}}""" });
        var invalid = await Assert.ThrowsAsync<CdrApiException>(() => All(good.Voiso.Cdrs.ListAsync(null, Ct)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal(["queue_id", "limit", "limit"], invalid.Errors.Select(e => e.Source));
        Assert.Equal("is too large", invalid.Errors[1].Detail);
        Assert.Contains("invalid queue_id - is not a number", invalid.Message, StringComparison.Ordinal);
    }
}
