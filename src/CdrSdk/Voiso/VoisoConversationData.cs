using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso;

/// <summary>The <c>data</c> of a digital conversation record.</summary>
public sealed class VoisoConversationData : VoisoCdrData
{
    /// <summary><c>queue_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? QueueId { get; init; }

    /// <summary><c>source_channel_account_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? SourceChannelAccountId { get; init; }

    /// <summary><c>destination_channel_account_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? DestinationChannelAccountId { get; init; }

    /// <summary><c>source_channel_profile_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? SourceChannelProfileId { get; init; }

    /// <summary><c>destination_channel_profile_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? DestinationChannelProfileId { get; init; }

    /// <summary><c>conversation_score</c>.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? ConversationScore { get; init; }

    /// <summary><c>wrap_up_code</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? WrapUpCode { get; init; }

    /// <summary><c>end_reason</c>.</summary>
    public VoisoEndReason? EndReason { get; init; }
}
