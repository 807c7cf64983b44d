using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdrSdk.Core.Json;

/// <summary>Reads an integer sent as a JSON number or a numeric string (<c>"42"</c>, <c>"42.0"</c>); empty or unreadable text is null.</summary>
internal sealed class FlexibleInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt64(out var n) => n,
        JsonTokenType.Number => (long)reader.GetDouble(),
        JsonTokenType.String when Utf8Number.TryParseInt64(ref reader, out var n) => n,
        JsonTokenType.String => LenientJson.ParseInt64(reader.GetString()),
        JsonTokenType.True => 1,
        JsonTokenType.False => 0,
        _ => SkipAndReturnNull(ref reader),
    };

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static long? SkipAndReturnNull(ref Utf8JsonReader reader)
    {
        _ = reader.TrySkip(); // the value is buffered for a converter; Skip() refuses a non-final (streamed) reader
        return null;
    }
}
