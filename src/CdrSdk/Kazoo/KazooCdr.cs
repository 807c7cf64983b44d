using System.Text.Json;
using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Kazoo;

/// <summary>
/// The full CDR document of one call leg (<c>GET /accounts/{id}/cdrs/{cdr id}</c>, and each leg of an
/// interaction). Every field of the Kazoo CDR schema is typed; durations and counts are integers even when
/// Kazoo sends them as strings. Fields this SDK does not know are kept in <see cref="AdditionalProperties"/>.
/// </summary>
public sealed class KazooCdr
{
    /// <summary><c>id</c>: the document id, <c>YYYYMM-&lt;call id&gt;</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary><c>call_id</c>: unique identifier of the call leg.</summary>
    public string? CallId { get; init; }

    /// <summary><c>app_name</c>: the Kazoo application that issued the CDR.</summary>
    public string? AppName { get; init; }

    /// <summary><c>app_version</c>: its internal version.</summary>
    public string? AppVersion { get; init; }

    /// <summary><c>billing_seconds</c>: seconds the leg can be billed for.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? BillingSeconds { get; init; }

    /// <summary><c>call_direction</c>: <c>inbound</c> (into the media switch, usually the A-leg) or <c>outbound</c>.</summary>
    public string? CallDirection { get; init; }

    /// <summary><c>callee_id_name</c>.</summary>
    public string? CalleeIdName { get; init; }

    /// <summary><c>callee_id_number</c>.</summary>
    public string? CalleeIdNumber { get; init; }

    /// <summary><c>caller_id_name</c>.</summary>
    public string? CallerIdName { get; init; }

    /// <summary><c>caller_id_number</c>.</summary>
    public string? CallerIdNumber { get; init; }

    /// <summary><c>custom_channel_vars</c>: key/value pairs Kazoo set on the channel (account_id, owner_id, bridge_id, rate ...); nested values as raw JSON.</summary>
    [JsonConverter(typeof(StringMapConverter))]
    public IReadOnlyDictionary<string, string>? CustomChannelVars { get; init; }

    /// <summary><c>custom_sip_headers</c>: the <c>X-</c> SIP headers; nested <c>in</c>/<c>out</c> objects as raw JSON.</summary>
    [JsonConverter(typeof(StringMapConverter))]
    public IReadOnlyDictionary<string, string>? CustomSipHeaders { get; init; }

    /// <summary><c>digits_dialed</c>: the DTMF tones detected on the leg.</summary>
    public string? DigitsDialed { get; init; }

    /// <summary><c>disposition</c>: who sent the SIP BYE.</summary>
    public string? Disposition { get; init; }

    /// <summary><c>duration_seconds</c>: the duration of the leg.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? DurationSeconds { get; init; }

    /// <summary><c>fax_bad_rows</c>: rows that failed to transfer (fax only).</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? FaxBadRows { get; init; }

    /// <summary><c>fax_ecm_used</c>: whether error correction mode was used (fax only).</summary>
    [JsonConverter(typeof(FlexibleBooleanConverter))]
    public bool? FaxEcmUsed { get; init; }

    /// <summary><c>fax_result_code</c>: the transmission result code (fax only).</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? FaxResultCode { get; init; }

    /// <summary><c>fax_result_text</c>: the error, or <c>OK</c> (fax only).</summary>
    public string? FaxResultText { get; init; }

    /// <summary><c>fax_success</c>: whether the fax succeeded (fax only).</summary>
    [JsonConverter(typeof(FlexibleBooleanConverter))]
    public bool? FaxSuccess { get; init; }

    /// <summary><c>fax_total_pages</c> (fax only).</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? FaxTotalPages { get; init; }

    /// <summary><c>fax_transfer_rate</c>: the baud rate (fax only).</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? FaxTransferRate { get; init; }

    /// <summary><c>fax_transferred_pages</c> (fax only).</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? FaxTransferredPages { get; init; }

    /// <summary><c>from</c>: the "from" user, depending on direction.</summary>
    public string? From { get; init; }

    /// <summary><c>from_uri</c>: the From SIP URI.</summary>
    public string? FromUri { get; init; }

    /// <summary><c>hangup_cause</c>: why the leg ended (FreeSWITCH hangup cause).</summary>
    public string? HangupCause { get; init; }

    /// <summary><c>hangup_code</c>: the SIP hangup code, if available.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? HangupCode { get; init; }

    /// <summary><c>local_sdp</c>.</summary>
    public string? LocalSdp { get; init; }

    /// <summary><c>media_server</c>: the media server that processed the leg.</summary>
    public string? MediaServer { get; init; }

    /// <summary><c>node</c>: the ecallmgr node that issued the CDR.</summary>
    public string? Node { get; init; }

    /// <summary><c>other_leg_call_id</c>: the call id of the bridged leg.</summary>
    public string? OtherLegCallId { get; init; }

    /// <summary><c>other_leg_caller_id_name</c>.</summary>
    public string? OtherLegCallerIdName { get; init; }

    /// <summary><c>other_leg_caller_id_number</c>.</summary>
    public string? OtherLegCallerIdNumber { get; init; }

    /// <summary><c>other_leg_destination_number</c>.</summary>
    public string? OtherLegDestinationNumber { get; init; }

    /// <summary><c>other_leg_direction</c>.</summary>
    public string? OtherLegDirection { get; init; }

    /// <summary><c>presence_id</c>: the id used in SIP NOTIFY messages.</summary>
    public string? PresenceId { get; init; }

    /// <summary><c>remote_sdp</c>.</summary>
    public string? RemoteSdp { get; init; }

    /// <summary><c>request</c>: the processed request URI.</summary>
    public string? Request { get; init; }

    /// <summary><c>ringing_seconds</c>: how long the leg rang before it was answered.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? RingingSeconds { get; init; }

    /// <summary><c>timestamp</c>: gregorian seconds of when the CDR was generated.</summary>
    [JsonPropertyName("timestamp")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? TimestampGregorianSeconds { get; init; }

    /// <summary><see cref="TimestampGregorianSeconds"/> as an instant (UTC).</summary>
    [JsonIgnore]
    public DateTimeOffset? Timestamp => TimestampGregorianSeconds is { } g ? GregorianTime.ToDateTimeOffset(g) : null;

    /// <summary><c>to</c>: the "to" user, depending on direction.</summary>
    public string? To { get; init; }

    /// <summary><c>to_uri</c>: the To SIP URI.</summary>
    public string? ToUri { get; init; }

    /// <summary><c>user_agent</c>: the SIP User-Agent header.</summary>
    public string? UserAgent { get; init; }

    /// <summary><c>interaction_id</c>: the interaction this leg belongs to.</summary>
    public string? InteractionId { get; init; }

    /// <summary><c>interaction_time</c>: gregorian seconds of the interaction's start.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? InteractionTime { get; init; }

    /// <summary><c>interaction_key</c>.</summary>
    public string? InteractionKey { get; init; }

    /// <summary><c>channel_created_time</c>: microseconds since the Unix epoch when the channel was created, if sent.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? ChannelCreatedTime { get; init; }

    /// <summary>Every field this SDK version does not map, as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
