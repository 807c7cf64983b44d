using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdrSdk.Voiso.Api;

/// <summary>The JSON contract of every Voiso type, generated at compile time (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(VoisoCdrConverter)])]
[JsonSerializable(typeof(VoisoCdr))]
[JsonSerializable(typeof(VoisoCallCdr))]
[JsonSerializable(typeof(VoisoConversationCdr))]
[JsonSerializable(typeof(VoisoSmsCdr))]
[JsonSerializable(typeof(VoisoHlrLookupCdr))]
[JsonSerializable(typeof(VoisoUnknownCdr))]
[JsonSerializable(typeof(VoisoListPosition))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Core.Json.JsonEnvelope<List<VoisoCdr>>))]
internal sealed partial class VoisoJsonContext : JsonSerializerContext
{
    /// <summary>The instance the SDK uses: the attribute's settings plus relaxed escaping (see <see cref="Core.Json.WireJson"/>).</summary>
    public static VoisoJsonContext Wire { get; } = CreateWire();

    private static VoisoJsonContext CreateWire()
    {
        var options = Core.Json.WireJson.CreateOptions(JsonNamingPolicy.SnakeCaseLower);
        options.Converters.Add(new VoisoCdrConverter());
        return new VoisoJsonContext(options);
    }
}
