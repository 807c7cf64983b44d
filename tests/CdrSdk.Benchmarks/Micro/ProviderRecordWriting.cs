using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CdrSdk.Kazoo;
using CdrSdk.Kazoo.Api;

namespace CdrSdk.Benchmarks.Micro;

/// <summary>
/// Writing 1000 Kazoo summaries as the sync's <c>record</c> JSON: through the reflection serializer (the sync's writer
/// before it used <see cref="CallRecord.TryWriteProviderRecordJson"/>) and through the SDK's generated contract (now).
/// </summary>
[MemoryDiagnoser]
public class ProviderRecordWriting
{
    private static readonly JsonSerializerOptions Reflection = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private List<KazooCdrSummary> _records = [];

    [GlobalSetup]
    public void Setup()
    {
        var page = new PageDeserialization();
        page.Setup();
        _records = JsonSerializer.Deserialize(page.Page, KazooJsonContext.Wire.JsonEnvelopeListKazooCdrSummary)!.Data!;
        Write(Reflection.GetTypeInfo(typeof(KazooCdrSummary)));
        var reflected = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        Write(KazooJsonContext.Wire.KazooCdrSummary);
        if (!reflected.Equals(Encoding.UTF8.GetString(_buffer.WrittenSpan), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The two writers differ.");
        }
    }

    [Benchmark(Baseline = true)]
    public int ReflectionContract() => Write(Reflection.GetTypeInfo(typeof(KazooCdrSummary)));

    [Benchmark]
    public int GeneratedContract() => Write(KazooJsonContext.Wire.KazooCdrSummary);

    private int Write(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = Reflection.Encoder, SkipValidation = true });
        foreach (var record in _records)
        {
            writer.Reset(_buffer);
            JsonSerializer.Serialize(writer, record, info);
            writer.Flush();
        }

        return _buffer.WrittenCount;
    }
}
