namespace CdrSdk.Sync.Stores;

/// <summary>The kinds of store.</summary>
internal enum StoreKind
{
    DuckDb,
    Postgres,
    Parquet,
}
