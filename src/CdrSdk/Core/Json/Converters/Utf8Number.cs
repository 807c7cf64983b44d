using System.Buffers.Text;
using System.Text.Json;

namespace CdrSdk.Core.Json;

/// <summary>
/// Reads a number written as a JSON string (<c>"42"</c>) straight from the UTF-8 bytes, without making a string:
/// providers that quote their numbers send several per record. Anything unusual (escapes, spaces, a decimal
/// point for an integer, an empty string) is left to the string-based parsing of <see cref="LenientJson"/>.
/// </summary>
internal static class Utf8Number
{
    public static bool TryParseInt64(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return !reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length > 0
            && Utf8Parser.TryParse(reader.ValueSpan, out value, out var consumed) && consumed == reader.ValueSpan.Length;
    }

    public static bool TryParseDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0;
        return !reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length > 0
            && Utf8Parser.TryParse(reader.ValueSpan, out value, out var consumed) && consumed == reader.ValueSpan.Length;
    }
}
