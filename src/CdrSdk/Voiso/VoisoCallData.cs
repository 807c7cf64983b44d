using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso;

/// <summary>The <c>data</c> of a call record.</summary>
public sealed class VoisoCallData : VoisoCdrData
{
    /// <summary><c>from_phone_number</c>: the caller.</summary>
    public string? FromPhoneNumber { get; set; }

    /// <summary><c>to_phone_number</c>: the destination.</summary>
    public string? ToPhoneNumber { get; set; }

    /// <summary><c>queue_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? QueueId { get; set; }

    /// <summary><c>wrap_up_code</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? WrapUpCode { get; set; }

    /// <summary><c>end_reason</c>.</summary>
    public VoisoEndReason? EndReason { get; set; }

    /// <summary><c>event_tags</c>: what happened during the call (transfers, holds ...).</summary>
    public IReadOnlyList<VoisoEventTag>? EventTags { get; set; }

    /// <summary><c>answered_at</c>.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary><c>dialing_duration</c>, seconds.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? DialingDuration { get; set; }

    /// <summary><c>ivr_duration</c>, seconds.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? IvrDuration { get; set; }

    /// <summary><c>queue_duration</c>, seconds.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? QueueDuration { get; set; }

    /// <summary><c>talk_duration</c>, seconds.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? TalkDuration { get; set; }

    /// <summary><c>hold_duration</c>, seconds.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? HoldDuration { get; set; }

    /// <summary><c>recording_url</c>.</summary>
    public string? RecordingUrl { get; set; }
}
