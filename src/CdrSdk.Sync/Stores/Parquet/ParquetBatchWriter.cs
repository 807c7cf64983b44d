using System.Globalization;
using CdrSdk.Sync.Engine;
using CdrSdk.Sync.Records;
using CdrSdk.Sync.Stores.DuckDb;
using DuckDB.NET.Data;

namespace CdrSdk.Sync.Stores.Parquet;

/// <summary>
/// Stages one source's rows in an in-memory DuckDB; at the end of a window merges them with the day's file (new
/// ids added, changed ones replaced keeping <c>first_synced_at</c>, unchanged ones kept as they were), writes the
/// result to <c>_cdr_sync/tmp</c> and renames it over the day's file, then saves the state file.
/// </summary>
internal sealed class ParquetBatchWriter : ISyncBatchWriter
{
    private const string Columns = "source, id, kind, direction, from_number, to_number, started_at, answered_at, ended_at, duration_seconds, billable_seconds, " +
        "outcome, raw_outcome, cost, currency, record, content_hash, first_synced_at, last_synced_at";

    private readonly ParquetStore _store;
    private readonly DuckDBConnection _connection;
    private readonly DuckDbStaging _staging;
    private readonly string _source;
    private readonly string _provider;

    public ParquetBatchWriter(ParquetStore store, DuckDBConnection connection, string source, string provider)
    {
        _store = store;
        _connection = connection;
        _source = source;
        _provider = provider;
        // A whole window is staged (the batch size does not apply), so the appender flushes at its largest interval.
        _staging = new DuckDbStaging(connection, DuckDbRowValues.MaxFlushRows);
    }

    public int Pending => _staging.Pending;

    /// <summary>Ignored: a day's file is always merged with what it holds.</summary>
    public bool AssumeNew { get; set; }

    public bool CommitsInBackground => false;

    public ValueTask AppendAsync(SyncRow row, CancellationToken cancellationToken)
    {
        _staging.Append(row);
        return ValueTask.CompletedTask;
    }

    public Task<CdrSyncCounts> CommitAsync(SyncCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var counts = default(CdrSyncCounts);
        if (checkpoint.WindowComplete)
        {
            counts = WriteDay(checkpoint);
        }
        else if (_staging.Pending > 0)
        {
            throw new InvalidOperationException("The Parquet store commits whole windows only.");
        }

        SyncFaultPoints.Reach(SyncFaultPoints.CommitInFlight, _source);
        var window = checkpoint.WindowComplete ? (SyncWindow?)null : checkpoint.Window;
        _store.Files.Update(_source, s => (s.Watermark, s.WindowStart, s.WindowEnd, s.WindowToken) = (checkpoint.Watermark, window?.Start, window?.End, checkpoint.ResumeToken));
        SyncFaultPoints.Reach(SyncFaultPoints.Committed, _source);
        _staging.Clear();
        return Task.FromResult(counts);
    }

    public Task DiscardAsync(CancellationToken cancellationToken)
    {
        _staging.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _staging.Dispose();
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private CdrSyncCounts WriteDay(SyncCheckpoint checkpoint)
    {
        var batch = _staging.BuildBatch();
        var day = checkpoint.Window.Start.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var folder = Path.Combine(_store.Files.Root, "provider=" + _provider, "day=" + day);
        var target = Path.Combine(folder, _source + ".parquet");
        var exists = File.Exists(target);
        if (_staging.Pending == 0 && !exists)
        {
            return default;
        }

        DuckDbSql.Execute(_connection, exists
            ? $"CREATE OR REPLACE TEMP TABLE cdr_old AS SELECT {Columns} FROM read_parquet('{ParquetStore.Quote(target)}')"
            : $"CREATE OR REPLACE TEMP TABLE cdr_old AS SELECT $source::VARCHAR AS source, *, now() AS first_synced_at, now() AS last_synced_at FROM {batch} LIMIT 0",
            exists ? [] : [("source", _source)]);
        CdrSyncCounts counts;
        using (var command = DuckDbSql.Command(_connection, $"""
            SELECT count(*) FILTER (WHERE o.id IS NULL), count(*) FILTER (WHERE o.id IS NOT NULL AND o.content_hash <> b.content_hash),
                   count(*) FILTER (WHERE o.content_hash = b.content_hash)
            FROM {batch} b LEFT JOIN cdr_old o ON o.id = b.id
            """))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            counts = new CdrSyncCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        if (counts.Inserted + counts.Updated == 0)
        {
            return counts;
        }

        var temporary = Path.Combine(_store.Files.Temporary, Guid.NewGuid().ToString("N") + ".parquet");
        DuckDbSql.Execute(_connection, $"""
            COPY (
                SELECT {Columns} FROM cdr_old o WHERE NOT EXISTS (SELECT 1 FROM {batch} b WHERE b.id = o.id AND b.content_hash <> o.content_hash)
                UNION ALL
                SELECT $source, {SyncColumns.ContentList("b.")}, coalesce(o.first_synced_at, $at), $at
                FROM {batch} b LEFT JOIN cdr_old o ON o.id = b.id WHERE o.id IS NULL OR o.content_hash <> b.content_hash
                ORDER BY started_at, id)
            TO '{ParquetStore.Quote(temporary)}' (FORMAT parquet, COMPRESSION zstd)
            """, ("source", _source), ("at", checkpoint.At));
        Directory.CreateDirectory(folder);
        SyncFaultPoints.Reach(SyncFaultPoints.CommitInFlight, _source);
        File.Move(temporary, target, overwrite: true);
        return counts;
    }
}
