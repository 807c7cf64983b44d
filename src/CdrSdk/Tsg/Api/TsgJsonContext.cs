using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdrSdk.Tsg.Api;

/// <summary>The JSON contract of every TSG type (GraphQL camelCase), generated at compile time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(TsgCdrConverter)])]
[JsonSerializable(typeof(TsgGraphQLRequest))]
[JsonSerializable(typeof(Core.Json.JsonEnvelope<TsgCdrRecordsData>))]
[JsonSerializable(typeof(Core.Json.JsonEnvelope<JsonElement>))]
[JsonSerializable(typeof(TsgMessageCdr))]
[JsonSerializable(typeof(TsgVoiceCdr))]
[JsonSerializable(typeof(TsgApiCdr))]
[JsonSerializable(typeof(TsgUnknownCdr))]
[JsonSerializable(typeof(TsgLoginRequest))]
[JsonSerializable(typeof(TsgListPosition))]
internal sealed partial class TsgJsonContext : JsonSerializerContext
{
    /// <summary>The instance the SDK uses: the attribute's settings plus relaxed escaping (see <see cref="Core.Json.WireJson"/>).</summary>
    public static TsgJsonContext Wire { get; } = CreateWire();

    private static TsgJsonContext CreateWire()
    {
        var options = Core.Json.WireJson.CreateOptions(JsonNamingPolicy.CamelCase);
        options.Converters.Add(new TsgCdrConverter());
        return new TsgJsonContext(options);
    }
}
