using System.Text.Json;
using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso.Api;

/// <summary>
/// Reads a Voiso record into the class of its <c>type</c>: looks ahead (<see cref="JsonLookahead"/>, on a copy of
/// the reader) for the <c>type</c> property wherever it stands in the object, then deserializes the object as
/// <see cref="VoisoCallCdr"/> and friends, or as <see cref="VoisoUnknownCdr"/> for a type this SDK does not know.
/// No DOM is built.
/// </summary>
internal sealed class VoisoCdrConverter : JsonConverter<VoisoCdr>
{
    public override VoisoCdr? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a CDR object, found {reader.TokenType}.");
        }

        var context = VoisoJsonContext.Wire;
        return JsonLookahead.FindString(reader, "type"u8)?.ToUpperInvariant() switch
        {
            "CALL" => JsonSerializer.Deserialize(ref reader, context.VoisoCallCdr),
            "CONVERSATION" => JsonSerializer.Deserialize(ref reader, context.VoisoConversationCdr),
            "SMS" => JsonSerializer.Deserialize(ref reader, context.VoisoSmsCdr),
            "HLR_LOOKUP" => JsonSerializer.Deserialize(ref reader, context.VoisoHlrLookupCdr),
            _ => JsonSerializer.Deserialize(ref reader, context.VoisoUnknownCdr),
        };
    }

    public override void Write(Utf8JsonWriter writer, VoisoCdr value, JsonSerializerOptions options)
    {
        var context = VoisoJsonContext.Wire;
        switch (value)
        {
            case VoisoCallCdr call:
                JsonSerializer.Serialize(writer, call, context.VoisoCallCdr);
                break;
            case VoisoConversationCdr conversation:
                JsonSerializer.Serialize(writer, conversation, context.VoisoConversationCdr);
                break;
            case VoisoSmsCdr sms:
                JsonSerializer.Serialize(writer, sms, context.VoisoSmsCdr);
                break;
            case VoisoHlrLookupCdr hlr:
                JsonSerializer.Serialize(writer, hlr, context.VoisoHlrLookupCdr);
                break;
            case VoisoUnknownCdr unknown:
                JsonSerializer.Serialize(writer, unknown, context.VoisoUnknownCdr);
                break;
            default:
                throw new NotSupportedException($"Cannot write {value.GetType().Name}.");
        }
    }
}
