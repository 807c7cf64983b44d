using System.Text.Json;

namespace CdrSdk.Core.Json;

/// <summary>
/// Looks ahead in an object for the discriminator of a union (a GraphQL <c>__typename</c>, a record's <c>type</c>)
/// on a copy of the reader, so a converter can pick the class before it deserializes the object. No DOM is built.
/// </summary>
internal static class JsonLookahead
{
    /// <summary>
    /// The string value of the top-level property <paramref name="name"/> of the object <paramref name="reader"/>
    /// stands on (the reader is a copy: the caller's position does not move); <see langword="null"/> when the
    /// property is absent or not a string.
    /// </summary>
    public static string? FindString(Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                var found = reader.ValueTextEquals(name);
                reader.Read();
                if (found)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                // TrySkip: the serializer buffered the whole object for the converter, but its reader is not final
                // (the body streams), where Skip() refuses to run.
                if (!reader.TrySkip())
                {
                    return null;
                }
            }
        }

        return null;
    }
}
