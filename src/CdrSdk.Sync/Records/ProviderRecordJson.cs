using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CdrSdk.Sync.Records;

/// <summary>
/// Writes <see cref="CallRecord.ProviderRecord"/> as JSON for the <c>record</c> column: CSV rows (Telnyx reports)
/// as an object of their columns in header order, the JSON-born records (Voiso, TSG, Kazoo) with their wire
/// (snake case) names and unknown fields kept, nulls left out. Each instance writes into one buffer of its own.
/// </summary>
internal sealed class ProviderRecordJson
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

    // The writer only runs within one call (no await), so a thread's one serves every instance; the buffer is the instance's.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    /// <summary>The record as UTF-8 JSON, in this instance's buffer (valid until its next call).</summary>
    public ReadOnlyMemory<byte> Write(object record)
    {
        var buffer = _buffer;
        buffer.ResetWrittenCount();
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
        return buffer.WrittenMemory;
    }
}
