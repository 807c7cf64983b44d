using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdrSdk.Core.Json;

/// <summary>
/// Reads a JSON object as name to text: strings as they are, numbers and booleans as written, nested objects and
/// arrays as raw JSON (for example Kazoo <c>custom_sip_headers.in</c>). Anything but an object is null.
/// </summary>
internal sealed class StringMapConverter : JsonConverter<IReadOnlyDictionary<string, string>?>
{
    private static readonly FlexibleStringConverter Values = new();

    public override bool HandleNull => true;

    public override IReadOnlyDictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            _ = reader.TrySkip(); // the value is buffered for a converter; Skip() refuses a non-final (streamed) reader
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var value = Values.Read(ref reader, typeof(string), options);
            if (value is not null)
            {
                map[name] = value;
            }
        }

        return map;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string>? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (var (name, text) in value)
        {
            writer.WriteString(name, text);
        }

        writer.WriteEndObject();
    }
}
