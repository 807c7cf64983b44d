using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso;

/// <summary>The <c>data</c> of a digital conversation record.</summary>
public sealed class VoisoConversationData : VoisoCdrData
{
    /// <summary><c>queue_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? QueueId { get; set; }

    /// <summary><c>source_channel_account_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? SourceChannelAccountId { get; set; }

    /// <summary><c>destination_channel_account_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? DestinationChannelAccountId { get; set; }

    /// <summary><c>source_channel_profile_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? SourceChannelProfileId { get; set; }

    /// <summary><c>destination_channel_profile_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? DestinationChannelProfileId { get; set; }

    /// <summary><c>conversation_score</c>.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? ConversationScore { get; set; }

    /// <summary><c>wrap_up_code</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? WrapUpCode { get; set; }

    /// <summary><c>end_reason</c>.</summary>
    public VoisoEndReason? EndReason { get; set; }
}
