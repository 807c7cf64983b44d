using System.Text.Json;
using System.Text.Json.Serialization;
using CdrSdk.Core.Json;
using CdrSdk.Voiso.Api;

namespace CdrSdk.Voiso;

/// <summary>
/// One Voiso interaction record. The common fields are here; the type-specific <c>data</c> object is typed on
/// the derived records (<see cref="VoisoCallCdr"/>, <see cref="VoisoConversationCdr"/>, <see cref="VoisoSmsCdr"/>,
/// <see cref="VoisoHlrLookupCdr"/>); a type this SDK does not know arrives as <see cref="VoisoUnknownCdr"/> with its
/// data preserved. Use pattern matching: <c>if (cdr is VoisoCallCdr call) { ... call.Data.TalkDuration ... }</c>.
/// </summary>
/// <remarks>
/// Properties have <c>set</c> accessors, not <c>init</c>: these records are deserialized by the thousand, and
/// System.Text.Json's source generator binds <c>init</c> properties like constructor arguments (boxed into an
/// argument array), which cost 15 % of the throughput of a listing (see docs/performance.md).
/// </remarks>
public abstract class VoisoCdr : IWireJsonRecord
{
    /// <summary>Creates the common part (for derived types).</summary>
    protected VoisoCdr()
    {
    }

    /// <summary><c>id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary><c>type</c>: call, conversation, sms, hlr_lookup, or a value this SDK does not know.</summary>
    public VoisoCdrType Type { get; set; }

    /// <summary><c>started_at</c>.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary><c>ended_at</c>.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Top-level fields this SDK version does not map, as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc/>
    bool IWireJsonRecord.TryWriteWireJson(Utf8JsonWriter writer) => WireJson.TryWrite(writer, this, VoisoJsonContext.Wire);
}
