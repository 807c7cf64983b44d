using CdrSdk.Sync.Records;
using CdrSdk.Sync.Stores.DuckDb;
using DuckDB.NET.Data;

namespace CdrSdk.Sync.Stores.Parquet;

/// <summary>
/// A Hive-partitioned Parquet dataset: <c>provider=P/day=YYYY-MM-DD/{source}.parquet</c>, one file per source and
/// day, which a re-synced window replaces with the merge of the old file and the new records (written aside, then
/// renamed). One process writes a dataset at a time: it holds <c>_cdr_sync/.lock</c> while the store is open.
/// </summary>
internal sealed class ParquetStore : CdrSyncStore
{
    /// <summary>The memory limit when none is set: a day's merge reads the day's file and the new batch.</summary>
    public const string DefaultMemoryLimit = "128MB";

    private readonly string _memoryLimit;
    private FileStream? _lock;

    public ParquetStore(StoreLocation location, string memoryLimit)
        : base(location.Display)
    {
        Files = new ParquetStateFiles(location.Target);
        _memoryLimit = DuckDbStore.MemoryLimit(memoryLimit);
    }

    public override bool IsShared => false;

    internal override bool CommitsWithinWindow => false;

    internal ParquetStateFiles Files { get; }

    public override Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_lock is not null)
        {
            return Task.CompletedTask;
        }

        try
        {
            Files.Create();
            _lock = new FileStream(Path.Combine(Files.Folder, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new CdrSyncException($"Cannot open the Parquet store {Location}: {ex.Message} (another cdr sync may be writing it).", ex) { BeforeAnyWrite = true };
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CdrSyncException($"Cannot open the Parquet store {Location}: {ex.Message}", ex) { BeforeAnyWrite = true };
        }

        var versions = Files.ReadVersions();
        var current = versions.Count == 0 ? 0 : versions.Max(v => v.Version);
        if (current > SchemaVersion)
        {
            throw new CdrSyncException($"The store's schema is version {current}, newer than this version of CdrSdk.Sync knows ({SchemaVersion}): update cdr (or CdrSdk.Sync) to use it.")
            { BeforeAnyWrite = true };
        }

        if (current < 1)
        {
            // Version 1: the layout itself (partition folders, file columns, state files); nothing to convert.
            versions.Add(new ParquetSchemaVersion(1, "Hive partitions provider/day, one file per source and day; state files", DateTimeOffset.UtcNow));
            Files.WriteVersions(versions);
        }

        return Task.CompletedTask;
    }

    public override Task<IReadOnlyList<CdrSyncSourceStatus>> GetStatusAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        if (Directory.EnumerateFiles(Files.Root, "*.parquet", SearchOption.AllDirectories).Any())
        {
            using var connection = OpenEngine();
            using var command = DuckDbSql.Command(connection, $"SELECT source, count(*) FROM {Dataset} GROUP BY source");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        IReadOnlyList<CdrSyncSourceStatus> result = Files.ReadAll().Select(s => s.ToState().ToStatus(rows.GetValueOrDefault(s.Source), now)).ToList();
        return Task.FromResult(result);
    }

    /// <summary>The dataset as one table, as any reader sees it: every file, with the partition columns.</summary>
    internal string Dataset => $"read_parquet('{Quote(Path.Combine(Files.Root, "provider=*", "day=*", "*.parquet"))}', hive_partitioning = true)";

    internal override Task<SourceState> PrepareSourceAsync(string source, string provider, CancellationToken cancellationToken)
    {
        Files.CreateIfMissing(source, provider);
        return Task.FromResult(Files.Read(source)!.ToState());
    }

    internal override Task<SourceState?> ReadStateAsync(string source, CancellationToken cancellationToken) => Task.FromResult(Files.Read(source)?.ToState());

    // The dataset's lock file makes this process its only writer, so the lease only records who runs the source.
    internal override Task<bool> TryAcquireLeaseAsync(string source, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        Files.Update(source, s => (s.LeaseOwner, s.LeaseExpiresAt) = (owner, DateTimeOffset.UtcNow + duration));
        return Task.FromResult(true);
    }

    internal override Task<bool> RenewLeaseAsync(string source, string owner, TimeSpan duration, CancellationToken cancellationToken) =>
        TryAcquireLeaseAsync(source, owner, duration, cancellationToken);

    internal override Task ReleaseLeaseAsync(string source, string owner, CancellationToken cancellationToken)
    {
        Files.Update(source, s => s.LeaseExpiresAt = null);
        return Task.CompletedTask;
    }

    internal override Task RecordRunStartAsync(string source, string owner, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Files.Update(source, s => (s.LastRunStartedAt, s.LastRunFinishedAt, s.LastOutcome, s.LastError) = (at, null, "running", null));
        return Task.CompletedTask;
    }

    internal override Task RecordRunEndAsync(string source, string owner, RunRecord run, CancellationToken cancellationToken)
    {
        Files.Update(source, s =>
        {
            (s.LastRunFinishedAt, s.LastOutcome, s.LastError) = (run.FinishedAt, RecordWords.Of(run.Outcome), run.Error);
            (s.LastInserted, s.LastUpdated, s.LastUnchanged) = (run.Counts.Inserted, run.Counts.Updated, run.Counts.Unchanged);
        });
        return Task.CompletedTask;
    }

    internal override Task<ISyncBatchWriter> OpenWriterAsync(string source, string provider, WriterSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult<ISyncBatchWriter>(new ParquetBatchWriter(this, OpenEngine(), source, provider));

    /// <summary>An in-memory DuckDB that stages and merges (spilling to <c>_cdr_sync/tmp</c> beyond the memory limit).</summary>
    internal DuckDBConnection OpenEngine()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        DuckDbSql.Execute(connection, $"SET memory_limit = '{_memoryLimit}'; SET temp_directory = '{Quote(Path.Combine(Files.Temporary, "duckdb"))}'; SET preserve_insertion_order = false;");
        return connection;
    }

    internal static string Quote(string path) => path.Replace("'", "''", StringComparison.Ordinal);

    protected override ValueTask DisposeAsyncCore()
    {
        _lock?.Dispose();
        _lock = null;
        return ValueTask.CompletedTask;
    }
}
