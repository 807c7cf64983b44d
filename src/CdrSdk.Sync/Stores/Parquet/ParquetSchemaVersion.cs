namespace CdrSdk.Sync.Stores.Parquet;

/// <summary>A row of <c>_cdr_sync/cdr_schema_version.json</c>.</summary>
internal sealed record ParquetSchemaVersion(int Version, string Description, DateTimeOffset AppliedAt);
