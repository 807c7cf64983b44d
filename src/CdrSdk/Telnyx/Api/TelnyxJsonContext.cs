using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdrSdk.Telnyx.Api;

/// <summary>The JSON contract of every Telnyx wire type, generated at compile time (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Core.Json.JsonEnvelope<JsonElement>))]
[JsonSerializable(typeof(TelnyxReportWire))]
[JsonSerializable(typeof(TelnyxV1CdrRequestWire))]
[JsonSerializable(typeof(TelnyxV1MdrRequestWire))]
[JsonSerializable(typeof(TelnyxV2CdrRequestWire))]
[JsonSerializable(typeof(TelnyxV2MdrRequestWire))]
[JsonSerializable(typeof(TelnyxListPosition))]
[JsonSerializable(typeof(TelnyxSourcePosition))]
[JsonSerializable(typeof(Dictionary<string, IReadOnlyList<string>>))]
internal sealed partial class TelnyxJsonContext : JsonSerializerContext
{
    /// <summary>The instance the SDK uses: the attribute's settings plus relaxed escaping (see <see cref="Core.Json.WireJson"/>).</summary>
    public static TelnyxJsonContext Wire { get; } = new(Core.Json.WireJson.CreateOptions(JsonNamingPolicy.SnakeCaseLower));
}
