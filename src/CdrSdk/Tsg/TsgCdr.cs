using System.Text.Json;
using System.Text.Json.Serialization;
using CdrSdk.Core.Json;
using CdrSdk.Tsg.Api;

namespace CdrSdk.Tsg;

/// <summary>
/// One record of TSG's <c>cdrRecords</c> union, discriminated by <c>__typename</c>: <see cref="TsgMessageCdr"/>,
/// <see cref="TsgVoiceCdr"/>, <see cref="TsgApiCdr"/>, or <see cref="TsgUnknownCdr"/> for a member this SDK does not
/// know (kept whole). Numbers are read from JSON numbers or strings; <c>DateTime</c> values without an offset are UTC.
/// </summary>
/// <remarks>
/// Properties have <c>set</c> accessors, not <c>init</c>: these records are deserialized by the thousand, and
/// System.Text.Json's source generator binds <c>init</c> properties like constructor arguments (boxed into an
/// argument array), which cost 15 % of the throughput of a listing (see docs/performance.md).
/// </remarks>
public abstract class TsgCdr : IWireJsonRecord
{
    /// <summary>Creates the common part (for derived types).</summary>
    protected TsgCdr()
    {
    }

    /// <summary><c>__typename</c>: the union member.</summary>
    [JsonPropertyName("__typename")]
    public string? Typename { get; set; }

    /// <summary><c>datetime</c>, UTC.</summary>
    [JsonConverter(typeof(UtcDateTimeOffsetConverter))]
    public DateTimeOffset? Datetime { get; set; }

    /// <summary>Fields this SDK version does not map, as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc/>
    bool IWireJsonRecord.TryWriteWireJson(Utf8JsonWriter writer) => WireJson.TryWrite(writer, this, TsgJsonContext.Wire);
}
