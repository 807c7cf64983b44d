using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdrSdk.Core.Json;

/// <summary>Reads and writes an open enumeration as its wire string; unknown values are kept, never rejected.</summary>
internal sealed class OpenEnumConverter<T> : JsonConverter<T>
    where T : struct, IOpenValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            _ => throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}."),
        };
        return string.IsNullOrEmpty(text) ? default : T.FromString(text);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
