using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdrSdk.Core.Json;

/// <summary>Reads a decimal sent as a JSON number or a numeric string; empty or unreadable text is null.</summary>
internal sealed class FlexibleDecimalConverter : JsonConverter<decimal?>
{
    public override bool HandleNull => true;

    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDecimal(out var d):
                return d;
            case JsonTokenType.Number:
                return (decimal)reader.GetDouble();
            case JsonTokenType.String when Utf8Number.TryParseDecimal(ref reader, out var d):
                return d;
            case JsonTokenType.String:
                return LenientJson.ParseDecimal(reader.GetString());
            default:
                _ = reader.TrySkip(); // the value is buffered for a converter; Skip() refuses a non-final (streamed) reader
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
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
}
