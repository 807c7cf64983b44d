using CdrSdk.Sync.Stores;
using CdrSdk.Sync.Stores.DuckDb;
using CdrSdk.Sync.Stores.Parquet;
using CdrSdk.Sync.Stores.Postgres;

namespace CdrSdk.Sync;

/// <summary>
/// Where synced records and each source's state live: a DuckDB file (<see cref="DuckDb"/>), a PostgreSQL database
/// (<see cref="Postgres"/>) or a Hive-partitioned Parquet dataset (<see cref="Parquet"/>), all with one schema
/// (docs/sync.md). Open one with <see cref="Open"/> from a <c>--store</c> value. The schema is created or migrated
/// by <see cref="InitializeAsync"/>, which the engine calls before its first run.
/// </summary>
/// <remarks>The stores are the three built in; the loading protocol between engine and store is internal.</remarks>
public abstract class CdrSyncStore : IAsyncDisposable
{
    /// <summary>The schema version this library writes (rows of <c>cdr_schema_version</c>).</summary>
    public const int SchemaVersion = 1;

    private protected CdrSyncStore(string location)
    {
        Location = location;
    }

    /// <summary>Where the store is, safe to print and log: a PostgreSQL password is never in it.</summary>
    public string Location { get; }

    /// <summary>Whether several processes may sync into this store at once, splitting the sources by lease (PostgreSQL).</summary>
    public abstract bool IsShared { get; }

    /// <summary>Opens a store from its location: <c>duckdb:PATH</c>, <c>postgres:CONNECTION-STRING</c> (or a <c>postgres://</c> URL) or <c>parquet:DIR</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="options">Sync options (for <see cref="CdrSyncOptions.DuckDbMemoryLimit"/>); <see langword="null"/> for the defaults.</param>
    /// <returns>The store; nothing is opened or written until <see cref="InitializeAsync"/>.</returns>
    /// <exception cref="CdrSyncException">The location is empty, of an unknown scheme or malformed; the message never contains a password.</exception>
    public static CdrSyncStore Open(string location, CdrSyncOptions? options = null)
    {
        var parsed = StoreLocation.Parse(location);
        var memoryLimit = options?.DuckDbMemoryLimit;
        return parsed.Kind switch
        {
            StoreKind.DuckDb => new DuckDbStore(parsed, memoryLimit ?? DuckDbStore.DefaultMemoryLimit),
            StoreKind.Postgres => new PostgresStore(parsed),
            _ => new ParquetStore(parsed, memoryLimit ?? ParquetStore.DefaultMemoryLimit),
        };
    }

    /// <summary>A DuckDB database file (created when missing).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The store.</returns>
    public static CdrSyncStore DuckDb(string path) => Open("duckdb:" + path);

    /// <summary>A PostgreSQL database (the tables are created in the connection's default schema).</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The store.</returns>
    public static CdrSyncStore Postgres(string connectionString) => Open("postgres:" + connectionString);

    /// <summary>A Hive-partitioned Parquet dataset in a folder (created when missing).</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The store.</returns>
    public static CdrSyncStore Parquet(string directory) => Open("parquet:" + directory);

    /// <summary>Connects, then creates the schema or applies the migrations it lacks (idempotent; safe with several workers).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the store is ready.</returns>
    /// <exception cref="CdrSyncException">The store cannot be reached or opened, or its schema is newer than this library.</exception>
    public abstract Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Every source the store knows: watermark, lag, rows, last run and its outcome, lease.</summary>
    /// <param name="now">The time the lag is measured against.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sources, by name.</returns>
    public abstract Task<IReadOnlyList<CdrSyncSourceStatus>> GetStatusAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public override string ToString() => Location;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the store's connections.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    protected abstract ValueTask DisposeAsyncCore();

    /// <summary>Whether a commit may store part of a window (with the token that continues it); Parquet writes whole windows.</summary>
    internal abstract bool CommitsWithinWindow { get; }

    /// <summary>Records per commit when <see cref="CdrSyncOptions.BatchSize"/> is not set.</summary>
    internal virtual int DefaultBatchSize => CdrSyncOptions.DefaultPostgresBatchSize;

    /// <summary>Makes sure the source has a state row and returns it.</summary>
    internal abstract Task<SourceState> PrepareSourceAsync(string source, string provider, CancellationToken cancellationToken);

    /// <summary>Reads the source's state (after a lease was taken: fresh).</summary>
    internal abstract Task<SourceState?> ReadStateAsync(string source, CancellationToken cancellationToken);

    /// <summary>Takes (or renews) the lease on a source when it is free, expired or already this worker's.</summary>
    internal abstract Task<bool> TryAcquireLeaseAsync(string source, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Extends this worker's lease; <see langword="false"/> when another worker holds the source now.</summary>
    internal abstract Task<bool> RenewLeaseAsync(string source, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives up the lease (a no-op when another worker holds it).</summary>
    internal abstract Task ReleaseLeaseAsync(string source, string owner, CancellationToken cancellationToken);

    /// <summary>Records that a run of the source started (last outcome <c>running</c>).</summary>
    internal abstract Task RecordRunStartAsync(string source, string owner, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records how a run of the source ended.</summary>
    internal abstract Task RecordRunEndAsync(string source, string owner, RunRecord run, CancellationToken cancellationToken);

    /// <summary>A writer for one source's records (its own connections and staging areas).</summary>
    internal abstract Task<ISyncBatchWriter> OpenWriterAsync(string source, string provider, WriterSettings settings, CancellationToken cancellationToken);
}
