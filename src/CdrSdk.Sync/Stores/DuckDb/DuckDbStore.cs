#if NET9_0_OR_GREATER
using LockObject = System.Threading.Lock;
#else
using LockObject = object;
#endif
using CdrSdk.Sync.Records;
using DuckDB.NET.Data;

namespace CdrSdk.Sync.Stores.DuckDb;

/// <summary>
/// A DuckDB database file. DuckDB lets one process write a file, so leases are this process's alone; commits of
/// concurrent sources are serialized (each is one short transaction), their bulk loads are not.
/// </summary>
internal sealed class DuckDbStore : CdrSyncStore
{
    /// <summary>
    /// The memory limit when none is set: the appender's flushes keep the batch in the file's blocks, so the buffer pool
    /// holds mostly those blocks and the index; 64 MB ran as fast as 128 MB at 1M records and peaked 60-70 MB lower.
    /// </summary>
    public const string DefaultMemoryLimit = "64MB";

    private readonly StoreLocation _location;
    private readonly string _memoryLimit;
    private readonly DuckDbCommits _commits;
    private readonly LockObject _rootLock = new();
    private DuckDBConnection? _root;

    public DuckDbStore(StoreLocation location, string memoryLimit)
        : base(location.Display)
    {
        _location = location;
        _memoryLimit = memoryLimit;
        _commits = new DuckDbCommits(() => Execute($"CHECKPOINT {Catalog}"));
    }

    public override bool IsShared => false;

    internal override bool CommitsWithinWindow => true;

    internal override int DefaultBatchSize => CdrSyncOptions.DefaultDuckDbBatchSize;

    /// <summary>The catalog the file is attached as; every connection of the store uses it.</summary>
    internal const string Catalog = "cdr_store";

    /// <summary>
    /// Rows per row group of the tables this store writes (DuckDB's default is 122,880). A commit of a batch writes its
    /// full row groups straight into the file, compressed once, and only the rest goes through the write-ahead log, so
    /// batches seldom trigger a checkpoint that compresses a partly filled row group again; and the rows a checkpoint
    /// holds in memory at once are a sixth as many.
    /// </summary>
    internal const int RowGroupSize = 16_384;

    /// <summary>
    /// The storage format a new file is written in (DuckDB 1.5 writes files readable by 1.0 unless told otherwise): from
    /// v1.2.0 the <c>record</c> column's zstd compression applies (the older format silently keeps such a column
    /// uncompressed), which compresses the provider JSON to about a third of FSST's size at less CPU. The file then opens
    /// in DuckDB 1.2 or later; a file made before keeps its own format.
    /// </summary>
    internal const string StorageVersion = "v1.2.0";

    public override Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_root is not null)
        {
            return Task.CompletedTask;
        }

        var folder = Path.GetDirectoryName(_location.Target);
        try
        {
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            // An in-memory database that attaches the file, since the row group size and storage version are options of ATTACH.
            var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            try
            {
                DuckDbSql.Execute(connection, $"ATTACH {DuckDbSql.Literal(_location.Target)} AS {Catalog} (ROW_GROUP_SIZE {RowGroupSize}, STORAGE_VERSION '{StorageVersion}'); USE {Catalog}");

                // One thread: the sync's DuckDB work is appends and checkpoints on the committing thread, next to the
                // HTTP reading and mapping of the same process; more threads cost CPU without adding speed.
                DuckDbSql.Execute(connection, $"SET memory_limit = '{MemoryLimit(_memoryLimit)}'; SET threads = 1");

                // What does not fit the memory limit spills next to the file (an in-memory database would use the working directory).
                DuckDbSql.Execute(connection, $"SET temp_directory = {DuckDbSql.Literal(_location.Target + ".tmp")}");

                DuckDbMigrator.Migrate(connection, DuckDbSchema.Migrations, TimeProvider.System.GetUtcNow());
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            _root = connection;
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is DuckDBException or IOException or UnauthorizedAccessException)
        {
            throw new CdrSyncException($"Cannot open the DuckDB store {Location}: {ex.Message}", ex) { BeforeAnyWrite = true };
        }
    }

    public override Task<IReadOnlyList<CdrSyncSourceStatus>> GetStatusAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        return Task.FromResult<IReadOnlyList<CdrSyncSourceStatus>>(Locked(connection => Status(connection, now)));
    }

    private static List<CdrSyncSourceStatus> Status(DuckDBConnection connection, DateTimeOffset now)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var command = DuckDbSql.Command(connection, "SELECT source, count(*) FROM cdr_records GROUP BY source"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var result = new List<CdrSyncSourceStatus>();
        using (var command = DuckDbSql.Command(connection, $"SELECT {SyncColumns.State} FROM cdr_sync_state ORDER BY source"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var state = StateReader.Read(reader);
                result.Add(state.ToStatus(rows.GetValueOrDefault(state.Source), now));
            }
        }

        return result;
    }

    internal override Task<SourceState> PrepareSourceAsync(string source, string provider, CancellationToken cancellationToken)
    {
        Execute("INSERT INTO cdr_sync_state (source, provider, updated_at) VALUES ($source, $provider, now()) ON CONFLICT DO NOTHING",
            ("source", source), ("provider", provider));
        return ReadStateAsync(source, cancellationToken)!;
    }

    internal override Task<SourceState?> ReadStateAsync(string source, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(c => ReadState(c, source)));

    internal static SourceState? ReadState(DuckDBConnection connection, string source)
    {
        using var command = DuckDbSql.Command(connection, $"SELECT {SyncColumns.State} FROM cdr_sync_state WHERE source = $source", ("source", source));
        using var reader = command.ExecuteReader();
        return reader.Read() ? StateReader.Read(reader) : null;
    }

    // One process owns a DuckDB file, so the lease is a record of who runs the source, never contended.
    internal override Task<bool> TryAcquireLeaseAsync(string source, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        Execute("UPDATE cdr_sync_state SET lease_owner = $owner, lease_expires_at = $expires WHERE source = $source",
            ("owner", owner), ("expires", DateTimeOffset.UtcNow + duration), ("source", source));
        return Task.FromResult(true);
    }

    internal override Task<bool> RenewLeaseAsync(string source, string owner, TimeSpan duration, CancellationToken cancellationToken) =>
        TryAcquireLeaseAsync(source, owner, duration, cancellationToken);

    internal override Task ReleaseLeaseAsync(string source, string owner, CancellationToken cancellationToken)
    {
        Execute("UPDATE cdr_sync_state SET lease_expires_at = NULL WHERE source = $source AND lease_owner = $owner",
            ("source", source), ("owner", owner));
        return Task.CompletedTask;
    }

    internal override Task RecordRunStartAsync(string source, string owner, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Execute("""
            UPDATE cdr_sync_state SET last_run_started_at = $at, last_run_finished_at = NULL, last_outcome = 'running', last_error = NULL, updated_at = $at
            WHERE source = $source
            """, ("at", at), ("source", source));
        return Task.CompletedTask;
    }

    internal override Task RecordRunEndAsync(string source, string owner, RunRecord run, CancellationToken cancellationToken)
    {
        Execute("""
            UPDATE cdr_sync_state SET last_run_finished_at = $at, last_outcome = $outcome, last_error = $error,
                last_inserted = $inserted, last_updated = $updated, last_unchanged = $unchanged, updated_at = $at
            WHERE source = $source
            """, ("at", run.FinishedAt), ("outcome", RecordWords.Of(run.Outcome)), ("error", run.Error), ("inserted", run.Counts.Inserted),
            ("updated", run.Counts.Updated), ("unchanged", run.Counts.Unchanged), ("source", source));
        return Task.CompletedTask;
    }

    internal override async Task<ISyncBatchWriter> OpenWriterAsync(string source, string provider, WriterSettings settings, CancellationToken cancellationToken)
    {
        var first = new DuckDbLane(OpenConnection(), source, provider, _commits, settings);
        try
        {
            return new LaneWriter(first, new DuckDbLane(OpenConnection(), source, provider, _commits, settings));
        }
        catch
        {
            await first.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Another connection to the store's database, on its catalog.</summary>
    private DuckDBConnection OpenConnection()
    {
        DuckDBConnection connection;
        lock (_rootLock)
        {
            connection = Root.Duplicate();
        }

        connection.Open();
        DuckDbSql.Execute(connection, $"USE {Catalog}");
        return connection;
    }

    protected override ValueTask DisposeAsyncCore()
    {
        if (_root is not null)
        {
            try
            {
                // Leaves the file without a write-ahead log, so whoever opens it next (a query, the next run) has nothing to replay.
                DuckDbSql.Execute(_root, $"CHECKPOINT {Catalog}");
            }
            catch (DuckDBException)
            {
                // The file stays consistent without it: its log is replayed on the next open.
            }
        }

        _root?.Dispose();
        _root = null;
        _commits.Dispose();
        return ValueTask.CompletedTask;
    }

    private DuckDBConnection Root => _root ?? throw new InvalidOperationException("Call InitializeAsync first.");

    /// <summary>Runs a statement on the root connection, which the sources share (a DuckDB connection is not thread-safe).</summary>
    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_rootLock)
        {
            DuckDbSql.Execute(Root, sql, parameters);
        }
    }

    /// <summary>The memory limit DuckDB runs the open store with, as DuckDB shows it (for example <c>61.0 MiB</c> for 64MB).</summary>
    internal string MemoryLimitInEffect() =>
        Locked(connection => DuckDbSql.Scalar<string>(connection, "SELECT current_setting('memory_limit')")!);

    private T Locked<T>(Func<DuckDBConnection, T> action)
    {
        lock (_rootLock)
        {
            return action(Root);
        }
    }

    /// <summary>Accepts sizes such as <c>512MB</c> or <c>2GB</c> only, since the value goes into a SET statement.</summary>
    internal static string MemoryLimit(string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, "^[0-9]{1,6}(\\.[0-9]{1,3})?\\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1))
            ? value
            : throw new CdrSyncException($"DuckDbMemoryLimit must be a size such as 512MB or 2GB, but was '{value}'.") { BeforeAnyWrite = true };
}
