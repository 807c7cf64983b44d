using System.Text.Json.Serialization;

namespace CdrSdk.Benchmarks;

/// <summary>
/// The baselines' view of a Kazoo CDR listing page: the same fields as the SDK's <c>KazooCdrSummary</c>, for a
/// hand-written loop (source-generated System.Text.Json) and a naive one (string + Newtonsoft.Json).
/// </summary>
internal sealed class RawKazooPage
{
    [JsonPropertyName("data")]
    [Newtonsoft.Json.JsonProperty("data")]
    public List<RawKazooCdr>? Data { get; set; }

    [JsonPropertyName("next_start_key")]
    [Newtonsoft.Json.JsonProperty("next_start_key")]
    public string? NextStartKey { get; set; }
}

/// <summary>One leg, every field the SDK types (numbers may arrive as strings).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1812", Justification = "Created by the JSON serializers.")]
internal sealed class RawKazooCdr
{
    [JsonPropertyName("id")] [Newtonsoft.Json.JsonProperty("id")] public string? Id { get; set; }
    [JsonPropertyName("call_id")] [Newtonsoft.Json.JsonProperty("call_id")] public string? CallId { get; set; }
    [JsonPropertyName("caller_id_number")] [Newtonsoft.Json.JsonProperty("caller_id_number")] public string? CallerIdNumber { get; set; }
    [JsonPropertyName("caller_id_name")] [Newtonsoft.Json.JsonProperty("caller_id_name")] public string? CallerIdName { get; set; }
    [JsonPropertyName("callee_id_number")] [Newtonsoft.Json.JsonProperty("callee_id_number")] public string? CalleeIdNumber { get; set; }
    [JsonPropertyName("callee_id_name")] [Newtonsoft.Json.JsonProperty("callee_id_name")] public string? CalleeIdName { get; set; }
    [JsonPropertyName("duration_seconds")] [Newtonsoft.Json.JsonProperty("duration_seconds")] public long? DurationSeconds { get; set; }
    [JsonPropertyName("billing_seconds")] [Newtonsoft.Json.JsonProperty("billing_seconds")] public long? BillingSeconds { get; set; }
    [JsonPropertyName("timestamp")] [Newtonsoft.Json.JsonProperty("timestamp")] public long? Timestamp { get; set; }
    [JsonPropertyName("hangup_cause")] [Newtonsoft.Json.JsonProperty("hangup_cause")] public string? HangupCause { get; set; }
    [JsonPropertyName("disposition")] [Newtonsoft.Json.JsonProperty("disposition")] public string? Disposition { get; set; }
    [JsonPropertyName("other_leg_call_id")] [Newtonsoft.Json.JsonProperty("other_leg_call_id")] public string? OtherLegCallId { get; set; }
    [JsonPropertyName("owner_id")] [Newtonsoft.Json.JsonProperty("owner_id")] public string? OwnerId { get; set; }
    [JsonPropertyName("to")] [Newtonsoft.Json.JsonProperty("to")] public string? To { get; set; }
    [JsonPropertyName("from")] [Newtonsoft.Json.JsonProperty("from")] public string? From { get; set; }
    [JsonPropertyName("direction")] [Newtonsoft.Json.JsonProperty("direction")] public string? Direction { get; set; }
    [JsonPropertyName("request")] [Newtonsoft.Json.JsonProperty("request")] public string? Request { get; set; }
    [JsonPropertyName("authorizing_id")] [Newtonsoft.Json.JsonProperty("authorizing_id")] public string? AuthorizingId { get; set; }
    [JsonPropertyName("cost")] [Newtonsoft.Json.JsonProperty("cost")] public long? Cost { get; set; }
    [JsonPropertyName("dialed_number")] [Newtonsoft.Json.JsonProperty("dialed_number")] public string? DialedNumber { get; set; }
    [JsonPropertyName("calling_from")] [Newtonsoft.Json.JsonProperty("calling_from")] public string? CallingFrom { get; set; }
    [JsonPropertyName("datetime")] [Newtonsoft.Json.JsonProperty("datetime")] public string? Datetime { get; set; }
    [JsonPropertyName("unix_timestamp")] [Newtonsoft.Json.JsonProperty("unix_timestamp")] public long? UnixTimestamp { get; set; }
    [JsonPropertyName("unix_timestamp_micro")] [Newtonsoft.Json.JsonProperty("unix_timestamp_micro")] public long? UnixTimestampMicro { get; set; }
    [JsonPropertyName("rfc_1036")] [Newtonsoft.Json.JsonProperty("rfc_1036")] public string? Rfc1036 { get; set; }
    [JsonPropertyName("iso_8601")] [Newtonsoft.Json.JsonProperty("iso_8601")] public string? Iso8601 { get; set; }
    [JsonPropertyName("iso_8601_combined")] [Newtonsoft.Json.JsonProperty("iso_8601_combined")] public string? Iso8601Combined { get; set; }
    [JsonPropertyName("call_type")] [Newtonsoft.Json.JsonProperty("call_type")] public string? CallType { get; set; }
    [JsonPropertyName("rate")] [Newtonsoft.Json.JsonProperty("rate")] public decimal? Rate { get; set; }
    [JsonPropertyName("rate_name")] [Newtonsoft.Json.JsonProperty("rate_name")] public string? RateName { get; set; }
    [JsonPropertyName("bridge_id")] [Newtonsoft.Json.JsonProperty("bridge_id")] public string? BridgeId { get; set; }
    [JsonPropertyName("recording_url")] [Newtonsoft.Json.JsonProperty("recording_url")] public string? RecordingUrl { get; set; }
    [JsonPropertyName("media_recordings")] [Newtonsoft.Json.JsonProperty("media_recordings")] public string? MediaRecordings { get; set; }
    [JsonPropertyName("media_server")] [Newtonsoft.Json.JsonProperty("media_server")] public string? MediaServer { get; set; }
    [JsonPropertyName("call_priority")] [Newtonsoft.Json.JsonProperty("call_priority")] public string? CallPriority { get; set; }
    [JsonPropertyName("interaction_id")] [Newtonsoft.Json.JsonProperty("interaction_id")] public string? InteractionId { get; set; }
}

/// <summary>Source-generated JSON for the hand-written baseline: numbers read from numbers or strings, like the SDK.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(RawKazooPage))]
internal sealed partial class RawKazooJson : JsonSerializerContext;
