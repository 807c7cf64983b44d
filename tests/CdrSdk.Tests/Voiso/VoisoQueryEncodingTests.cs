using CdrSdk.Core.Http;
using CdrSdk.Voiso;

namespace CdrSdk.Tests.Voiso;

/// <summary>Pins the query-string encoding of every Voiso filter.</summary>
public sealed class VoisoQueryEncodingTests
{
    private static readonly DateTimeOffset T = new(2024, 11, 1, 8, 30, 0, TimeSpan.Zero);

    /// <summary>The encoder's parameters, in order, as <c>?key=value</c> with the values percent-encoded (keys shown literally; Refit escapes them on the wire).</summary>
    private static string Encode(VoisoCdrQuery query, VoisoArrayStyle style = VoisoArrayStyle.Brackets)
    {
        var target = new QueryParameters();
        VoisoQueryEncoder.Encode(query, style, target);
        return target.Count == 0 ? string.Empty : "?" + string.Join('&', target.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
    }

    public static TheoryData<string, VoisoCdrQuery, string> Cases => new()
    {
        { "type", new() { Type = [VoisoCdrType.Call, VoisoCdrType.Sms] }, "?type[]=call&type[]=sms" },
        { "single type", new() { Type = [VoisoCdrType.HlrLookup] }, "?type=hlr_lookup" },
        { "external account", new() { ExternalAccountId = ["ext 1", "e&2"] }, "?external_account_id[]=ext%201&external_account_id[]=e%262" },
        { "subtype", new() { Subtype = [VoisoSubtype.Inbound] }, "?subtype=inbound" },
        { "disposition", new() { Disposition = [VoisoDisposition.Answered, VoisoDisposition.AnsweredByVoicemail] }, "?disposition[]=answered&disposition[]=answered_by_VM" },
        { "wrap-up", new() { WrapUpCode = ["wrap-1"] }, "?wrap_up_code=wrap-1" },
        { "end reason", new() { EndReason = [VoisoEndReason.CustomerDisconnect, VoisoEndReason.Timeout] }, "?end_reason[]=customer_disconnect&end_reason[]=timeout" },
        { "event tag", new() { EventTag = [VoisoEventTag.AllTransfers] }, "?event_tag=all_transfers" },
        { "from number", new() { FromPhoneNumber = ["+13125550100", "+442071234567"] }, "?from_phone_number[]=%2B13125550100&from_phone_number[]=%2B442071234567" },
        { "to number", new() { ToPhoneNumber = ["+33 1 23"] }, "?to_phone_number=%2B33%201%2023" },
        { "from like", new() { FromPhoneNumberLike = "+4420*" }, "?from_phone_number_like=%2B4420%2A" },
        { "to like", new() { ToPhoneNumberLike = "*555*" }, "?to_phone_number_like=%2A555%2A" },
        { "channel accounts", new() { SourceChannelAccountId = ["a"], DestinationChannelAccountId = ["b"] }, "?source_channel_account_id=a&destination_channel_account_id=b" },
        { "channel profiles", new() { SourceChannelProfileId = ["p1", "p2"], DestinationChannelProfileId = ["p3"] }, "?source_channel_profile_id[]=p1&source_channel_profile_id[]=p2&destination_channel_profile_id=p3" },
        { "people", new() { UserId = ["101"], TeamId = ["201", "202"], QueueId = ["301"], CampaignId = ["401"] }, "?user_id=101&team_id[]=201&team_id[]=202&queue_id=301&campaign_id=401" },
        { "country", new() { DestinationCountry = ["United Kingdom"] }, "?destination_country=United%20Kingdom" },
        { "score exact", new() { ConversationScore = VoisoNumberFilter.Equal(7) }, "?conversation_score=7" },
        { "duration range", new() { Duration = VoisoNumberFilter.Between(30, 120) }, "?duration[gte]=30&duration[lte]=120" },
        { "dialing at least", new() { DialingDuration = VoisoNumberFilter.AtLeast(5) }, "?dialing_duration[gte]=5" },
        { "ivr at most", new() { IvrDuration = VoisoNumberFilter.AtMost(20) }, "?ivr_duration[lte]=20" },
        { "queue, talk, hold", new() { QueueDuration = VoisoNumberFilter.Equal(0), TalkDuration = VoisoNumberFilter.AtLeast(60), HoldDuration = VoisoNumberFilter.Between(1, 9) }, "?queue_duration=0&talk_duration[gte]=60&hold_duration[gte]=1&hold_duration[lte]=9" },
        { "started range", new() { StartedAt = VoisoTimeFilter.Between(T, T.AddHours(1)) }, "?started_at[gte]=2024-11-01T08%3A30%3A00Z&started_at[lt]=2024-11-01T09%3A30%3A00Z" },
        { "ended exact", new() { EndedAt = new VoisoTimeFilter { At = T.ToOffset(TimeSpan.FromHours(2)) } }, "?ended_at=2024-11-01T08%3A30%3A00Z" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_filter_has_its_pinned_encoding(string because, VoisoCdrQuery query, string expected)
    {
        Assert.Equal(expected, Encode(query));
        _ = because;
    }

    [Fact]
    public void The_repeated_style_drops_the_brackets()
    {
        Assert.Equal("?type=call&type=sms&queue_id=1", Encode(new VoisoCdrQuery { Type = [VoisoCdrType.Call, VoisoCdrType.Sms], QueueId = ["1"] }, VoisoArrayStyle.Repeated));
    }

    [Fact]
    public void An_empty_query_sends_no_filter()
    {
        Assert.Equal(string.Empty, Encode(new VoisoCdrQuery()));
    }

    [Fact]
    public void The_base_address_comes_from_the_cluster_id()
    {
        Assert.Equal(new Uri("https://cluster7.voiso.com"), new VoisoOptions { ClusterId = "cluster7" }.EffectiveBaseAddress);
        Assert.Null(new VoisoOptions { ClusterId = "Bad_Cluster" }.EffectiveBaseAddress);
        var errors = new CdrClientOptions { Voiso = { ApiKey = "k3y-123", ClusterId = "Bad_Cluster" } }.Validate();
        Assert.Contains(errors, e => e.PropertyName == "Voiso.ClusterId" && e.Message.Contains("lower-case letters", StringComparison.Ordinal));
        Assert.Contains(new CdrClientOptions { Voiso = { ClusterId = "c1" } }.Validate(), e => e.PropertyName == "Voiso.ApiKey");
    }
}
