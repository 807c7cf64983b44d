namespace CdrSdk.Sync.Stores;

/// <summary>One step of a store's schema: its version (a row of <c>cdr_schema_version</c>), what it does, and its SQL.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
