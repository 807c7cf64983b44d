using System.Text.Json;
using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Tsg.Api;

/// <summary>
/// Reads a <c>cdrs</c> union member into the class its <c>__typename</c> names, looking ahead on a copy of the
/// reader (<see cref="JsonLookahead"/>, no DOM); an unknown member becomes <see cref="TsgUnknownCdr"/>.
/// </summary>
internal sealed class TsgCdrConverter : JsonConverter<TsgCdr>
{
    public override TsgCdr? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a CDR object, found {reader.TokenType}.");
        }

        var context = TsgJsonContext.Wire;
        return JsonLookahead.FindString(reader, "__typename"u8) switch
        {
            "MessageCdr" => JsonSerializer.Deserialize(ref reader, context.TsgMessageCdr),
            "VoiceCdr" => JsonSerializer.Deserialize(ref reader, context.TsgVoiceCdr),
            "ApiCdr" => JsonSerializer.Deserialize(ref reader, context.TsgApiCdr),
            _ => JsonSerializer.Deserialize(ref reader, context.TsgUnknownCdr),
        };
    }

    public override void Write(Utf8JsonWriter writer, TsgCdr value, JsonSerializerOptions options) =>
        throw new NotSupportedException("TSG CDRs are read, not written.");
}
