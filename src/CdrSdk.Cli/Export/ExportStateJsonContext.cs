using System.Text.Json.Serialization;

namespace CdrSdk.Tool.Export;

/// <summary>Source-generated JSON for the state file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ExportState))]
internal sealed partial class ExportStateJsonContext : JsonSerializerContext;
