using System.Text.Json;
using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Tsg;

/// <summary>
/// One record of TSG's <c>cdrRecords</c> union, discriminated by <c>__typename</c>: <see cref="TsgMessageCdr"/>,
/// <see cref="TsgVoiceCdr"/>, <see cref="TsgApiCdr"/>, or <see cref="TsgUnknownCdr"/> for a member this SDK does not
/// know (kept whole). Numbers are read from JSON numbers or strings; <c>DateTime</c> values without an offset are UTC.
/// </summary>
public abstract class TsgCdr
{
    /// <summary>Creates the common part (for derived types).</summary>
    protected TsgCdr()
    {
    }

    /// <summary><c>__typename</c>: the union member.</summary>
    [JsonPropertyName("__typename")]
    public string? Typename { get; init; }

    /// <summary><c>datetime</c>, UTC.</summary>
    [JsonConverter(typeof(UtcDateTimeOffsetConverter))]
    public DateTimeOffset? Datetime { get; init; }

    /// <summary>Fields this SDK version does not map, as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
