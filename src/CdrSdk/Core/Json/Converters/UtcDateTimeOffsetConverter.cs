using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdrSdk.Core.Json;

/// <summary>Reads a date-time with or without an offset (an offset-less value is UTC, as GraphQL <c>DateTime</c> scalars send it); empty is null.</summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return LenientJson.ParseDateTimeOffset(reader.GetString());
            case JsonTokenType.Number when reader.TryGetInt64(out var seconds):
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            default:
                _ = reader.TrySkip(); // the value is buffered for a converter; Skip() refuses a non-final (streamed) reader
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteStringValue(v.ToUniversalTime());
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
