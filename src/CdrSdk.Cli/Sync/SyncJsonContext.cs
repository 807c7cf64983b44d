using System.Text.Json.Serialization;

namespace CdrSdk.Tool.Sync;

/// <summary>Source-generated JSON for <c>cdr sync status --json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(List<SyncStatusDocument>))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;
