namespace CdrSdk.Sync.Tests.Infrastructure;

/// <summary>A real store of each kind for one test: a DuckDB file, a new PostgreSQL database, a Parquet folder.</summary>
public sealed class TestStore : IDisposable
{
    private readonly TempFolder _folder = new();

    private TestStore(string kind)
    {
        Kind = kind;
    }

    public static TheoryData<string> Kinds => ["duckdb", "postgres", "parquet"];

    public string Kind { get; }

    /// <summary>The <c>--store</c> value (with the PostgreSQL password).</summary>
    public string Location { get; private set; } = string.Empty;

    public string? ConnectionString { get; private set; }

    /// <summary>The DuckDB file or the Parquet folder.</summary>
    public string Path => System.IO.Path.Combine(_folder.Path, Kind == "parquet" ? "dataset" : "cdr.duckdb");

    public static async Task<TestStore> CreateAsync(string kind, PostgresServer postgres)
    {
        var store = new TestStore(kind);
        if (kind == "postgres")
        {
            store.ConnectionString = await postgres.CreateDatabaseAsync();
            store.Location = "postgres:" + store.ConnectionString;
        }
        else
        {
            store.Location = kind + ":" + store.Path;
        }

        return store;
    }

    public CdrSyncStore Open(CdrSyncOptions? options = null) => CdrSyncStore.Open(Location, options);

    /// <summary>The store's records as sorted text lines, read back through the store's own database.</summary>
    public List<string> Rows() => Kind switch
    {
        "postgres" => StoreRows.Postgres(ConnectionString!),
        "parquet" => StoreRows.Parquet(Path),
        _ => StoreRows.DuckDb(Path),
    };

    /// <summary>Runs a statement on the store's own database (DuckDB or PostgreSQL), as someone editing it by hand would; the store must be closed.</summary>
    public int Execute(string sql)
    {
        using System.Data.Common.DbConnection connection = Kind == "postgres" ? new Npgsql.NpgsqlConnection(ConnectionString) : new DuckDB.NET.Data.DuckDBConnection($"Data Source={Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    public void Dispose() => _folder.Dispose();
}
