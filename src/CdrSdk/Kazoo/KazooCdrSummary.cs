using System.Text.Json;
using System.Text.Json.Serialization;
using CdrSdk.Core.Json;
using CdrSdk.Kazoo.Api;

namespace CdrSdk.Kazoo;

/// <summary>
/// One call leg as the Kazoo CDR listing summarizes it (<c>GET /accounts/{id}/cdrs</c>, also one row per
/// interaction for <c>/cdrs/interaction</c>). Numbers arrive as numbers or strings depending on the Kazoo version;
/// both are read. Fields this SDK does not know are kept in <see cref="AdditionalProperties"/>.
/// </summary>
/// <remarks>
/// Properties have <c>set</c> accessors, not <c>init</c>: these records are deserialized by the thousand, and
/// System.Text.Json's source generator binds <c>init</c> properties like constructor arguments (boxed into an
/// argument array), which cost 15 % of the throughput of a listing (see docs/performance.md).
/// </remarks>
public sealed class KazooCdrSummary : IWireJsonRecord
{
    /// <summary><c>id</c>: the CDR document id, <c>YYYYMM-&lt;call id&gt;</c>; pass it to <see cref="IKazooCdrs.GetAsync"/>.</summary>
    public string? Id { get; set; }

    /// <summary><c>call_id</c>: the SIP call id of the leg.</summary>
    public string? CallId { get; set; }

    /// <summary><c>caller_id_number</c>.</summary>
    public string? CallerIdNumber { get; set; }

    /// <summary><c>caller_id_name</c>.</summary>
    public string? CallerIdName { get; set; }

    /// <summary><c>callee_id_number</c>.</summary>
    public string? CalleeIdNumber { get; set; }

    /// <summary><c>callee_id_name</c>.</summary>
    public string? CalleeIdName { get; set; }

    /// <summary><c>duration_seconds</c>: the length of the leg.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? DurationSeconds { get; set; }

    /// <summary><c>billing_seconds</c>: the billable part of the leg (usually after answer).</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? BillingSeconds { get; set; }

    /// <summary><c>timestamp</c>: gregorian seconds of when the CDR was generated (see <see cref="Timestamp"/>).</summary>
    [JsonPropertyName("timestamp")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? TimestampGregorianSeconds { get; set; }

    /// <summary><see cref="TimestampGregorianSeconds"/> as an instant (UTC).</summary>
    [JsonIgnore]
    public DateTimeOffset? Timestamp => TimestampGregorianSeconds is { } g ? GregorianTime.ToDateTimeOffset(g) : null;

    /// <summary><c>hangup_cause</c>, for example <c>NORMAL_CLEARING</c>.</summary>
    public string? HangupCause { get; set; }

    /// <summary><c>disposition</c>: who sent the BYE (present in Kazoo 4.3 and earlier).</summary>
    public string? Disposition { get; set; }

    /// <summary><c>other_leg_call_id</c>: the bridged leg's call id.</summary>
    public string? OtherLegCallId { get; set; }

    /// <summary><c>owner_id</c>: the user the leg belongs to.</summary>
    public string? OwnerId { get; set; }

    /// <summary><c>to</c>.</summary>
    public string? To { get; set; }

    /// <summary><c>from</c>.</summary>
    public string? From { get; set; }

    /// <summary><c>direction</c>: <c>inbound</c> or <c>outbound</c>, relative to the media switch.</summary>
    public string? Direction { get; set; }

    /// <summary><c>request</c>: the processed request URI.</summary>
    public string? Request { get; set; }

    /// <summary><c>authorizing_id</c>: the document that authorized the leg (device, resource).</summary>
    public string? AuthorizingId { get; set; }

    /// <summary><c>cost</c> as sent: customer cost in units of 1/10,000 dollar.</summary>
    [JsonPropertyName("cost")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? CostUnits { get; set; }

    /// <summary><see cref="CostUnits"/> in dollars.</summary>
    [JsonIgnore]
    public decimal? Cost => CostUnits is { } units ? units / 10_000m : null;

    /// <summary><c>dialed_number</c>.</summary>
    public string? DialedNumber { get; set; }

    /// <summary><c>calling_from</c>.</summary>
    public string? CallingFrom { get; set; }

    /// <summary><c>datetime</c>: the time as Kazoo formats it (<c>YYYY-MM-DD HH:MM:SS</c>).</summary>
    public string? Datetime { get; set; }

    /// <summary><c>unix_timestamp</c>.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? UnixTimestamp { get; set; }

    /// <summary><c>unix_timestamp_micro</c> (newer Kazoo versions).</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? UnixTimestampMicro { get; set; }

    /// <summary><c>rfc_1036</c>: the time in RFC 1036 format.</summary>
    [JsonPropertyName("rfc_1036")]
    public string? Rfc1036 { get; set; }

    /// <summary><c>iso_8601</c>: the date in ISO 8601 format.</summary>
    [JsonPropertyName("iso_8601")]
    public string? Iso8601 { get; set; }

    /// <summary><c>iso_8601_combined</c>: date and time in ISO 8601 format.</summary>
    [JsonPropertyName("iso_8601_combined")]
    public string? Iso8601Combined { get; set; }

    /// <summary><c>call_type</c>: how the account was billed (for example <c>per_minute</c>).</summary>
    public string? CallType { get; set; }

    /// <summary><c>rate</c>: dollars per minute.</summary>
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public decimal? Rate { get; set; }

    /// <summary><c>rate_name</c>.</summary>
    public string? RateName { get; set; }

    /// <summary><c>bridge_id</c>: usually the A-leg's call id; links transferred legs.</summary>
    public string? BridgeId { get; set; }

    /// <summary><c>recording_url</c>.</summary>
    public string? RecordingUrl { get; set; }

    /// <summary><c>media_recordings</c>, as sent (a list is kept as its JSON text).</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? MediaRecordings { get; set; }

    /// <summary><c>media_server</c>.</summary>
    public string? MediaServer { get; set; }

    /// <summary><c>call_priority</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? CallPriority { get; set; }

    /// <summary><c>interaction_id</c>: the interaction this leg belongs to; pass it to <see cref="IKazooInteractions.GetLegsAsync"/>.</summary>
    public string? InteractionId { get; set; }

    /// <summary>Every field this SDK version does not map, as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc/>
    bool IWireJsonRecord.TryWriteWireJson(Utf8JsonWriter writer) => WireJson.TryWrite(writer, this, KazooJsonContext.Wire);
}
