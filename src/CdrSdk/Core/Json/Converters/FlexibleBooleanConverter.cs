using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdrSdk.Core.Json;

/// <summary>Reads a boolean sent as JSON true/false, <c>"true"</c>/<c>"false"</c>, or 1/0; anything else is null.</summary>
internal sealed class FlexibleBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number when reader.TryGetInt64(out var n):
                return n != 0;
            case JsonTokenType.String:
                return reader.GetString()?.Trim().ToUpperInvariant() switch
                {
                    "TRUE" or "1" or "YES" => true,
                    "FALSE" or "0" or "NO" => false,
                    _ => null,
                };
            default:
                _ = reader.TrySkip(); // the value is buffered for a converter; Skip() refuses a non-final (streamed) reader
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteBooleanValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
