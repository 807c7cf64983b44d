using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CdrSdk.Sync.Records;

/// <summary>
/// Writes <see cref="CallRecord.ProviderRecord"/> as JSON for the <c>record</c> column: CSV rows (Telnyx reports)
/// as an object of their columns in header order, the JSON-born records (Voiso, TSG, Kazoo) with their wire
/// (snake case) names and unknown fields kept, nulls left out, appended to a buffer the caller reuses.
/// </summary>
internal static class ProviderRecordJson
{
    // The SDK's own serializer contexts are internal; its public record types carry their converters as
    // attributes, so the reflection-based serializer writes the same wire names and values.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // The writer only runs within one call (no await), so a thread's one serves every call; the buffer is the caller's.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Appends the record as UTF-8 JSON to <paramref name="buffer"/>; returns its bytes there (valid until the buffer is reset).</summary>
    public static ReadOnlyMemory<byte> Append(object record, ArrayBufferWriter<byte> buffer)
    {
        var start = buffer.WrittenCount;
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder, SkipValidation = true });
        writer.Reset(buffer);
        if (record is CsvRecord row)
        {
            writer.WriteStartObject();
            var columns = row.Columns;
            for (var i = 0; i < columns.Count && i < row.FieldCount; i++)
            {
                writer.WriteString(columns[i], row[i]);
            }

            writer.WriteEndObject();
        }
        else
        {
            JsonSerializer.Serialize(writer, record, Options.GetTypeInfo(record.GetType()));
        }

        writer.Flush();

        // Taken now: should the buffer grow later, this memory still holds the bytes (the old array stays as it was).
        return buffer.WrittenMemory[start..];
    }
}
