using System.Text.Json;
using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Kazoo.Api;

/// <summary>The JSON contract of every Kazoo type, generated at compile time (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(KazooCdrSummary))]
[JsonSerializable(typeof(JsonEnvelope<List<KazooCdrSummary>>))]
[JsonSerializable(typeof(KazooCdr))]
[JsonSerializable(typeof(JsonEnvelope<KazooCdr>))]
[JsonSerializable(typeof(JsonEnvelope<List<KazooCdr>>))]
[JsonSerializable(typeof(JsonEnvelope<JsonElement>))]
[JsonSerializable(typeof(KazooListPosition))]
[JsonSerializable(typeof(KazooApiAuthRequest))]
[JsonSerializable(typeof(KazooUserAuthRequest))]
internal sealed partial class KazooJsonContext : JsonSerializerContext
{
    /// <summary>The instance the SDK uses: the attribute's settings plus relaxed escaping (see <see cref="Core.Json.WireJson"/>).</summary>
    public static KazooJsonContext Wire { get; } = new(Core.Json.WireJson.CreateOptions(JsonNamingPolicy.SnakeCaseLower));
}
