using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CdrSdk.Sync.Records;

/// <summary>
/// Writes <see cref="CallRecord.ProviderRecord"/> as JSON for the <c>record</c> column, appended to a buffer the caller
/// reuses: the SDK's own record types through <see cref="CallRecord.TryWriteProviderRecordJson"/> (the provider's wire
/// names, unknown fields kept, nulls left out; CSV rows as an object of their columns), anything else (a record built
/// by hand) through the reflection serializer with snake_case names.
/// </summary>
internal static class ProviderRecordJson
{
    // Only for provider records of types outside the SDK, which have no compile-time contract.
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

    /// <summary>Appends the record's provider JSON as UTF-8 to <paramref name="buffer"/>; returns its bytes there (valid until the buffer is reset).</summary>
    public static ReadOnlyMemory<byte> Append(CallRecord record, ArrayBufferWriter<byte> buffer)
    {
        var start = buffer.WrittenCount;
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder, SkipValidation = true });
        writer.Reset(buffer);
        if (!record.TryWriteProviderRecordJson(writer))
        {
            JsonSerializer.Serialize(writer, record.ProviderRecord, Options.GetTypeInfo(record.ProviderRecord.GetType()));
        }

        writer.Flush();

        // Taken now: should the buffer grow later, this memory still holds the bytes (the old array stays as it was).
        return buffer.WrittenMemory[start..];
    }
}
