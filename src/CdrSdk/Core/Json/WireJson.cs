using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdrSdk.Core.Json;

/// <summary>
/// The serializer settings every provider's source-generated context runs with: snake_case names, nulls left
/// out, numbers accepted as strings, and no needless escaping (so <c>+1312</c> travels as written, not as
/// <c>\u002B1312</c>).
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions CreateOptions(JsonNamingPolicy? namingPolicy) => new()
    {
        PropertyNamingPolicy = namingPolicy,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 64,
    };

    /// <summary>
    /// Writes <paramref name="record"/> through <paramref name="context"/>'s contract for its run-time type;
    /// <see langword="false"/> (nothing written) when the context has none (a type derived outside the SDK).
    /// </summary>
    public static bool TryWrite(Utf8JsonWriter writer, object record, JsonSerializerContext context)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (context.GetTypeInfo(record.GetType()) is not { } contract)
        {
            return false;
        }

        JsonSerializer.Serialize(writer, record, contract);
        return true;
    }
}
