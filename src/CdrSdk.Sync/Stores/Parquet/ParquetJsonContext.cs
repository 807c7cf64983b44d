using System.Text.Json.Serialization;

namespace CdrSdk.Sync.Stores.Parquet;

/// <summary>Source-generated JSON for the dataset's state files.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ParquetStateDocument))]
[JsonSerializable(typeof(List<ParquetSchemaVersion>))]
internal sealed partial class ParquetJsonContext : JsonSerializerContext;
