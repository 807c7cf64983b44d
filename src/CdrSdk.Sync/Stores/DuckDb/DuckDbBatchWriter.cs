using CdrSdk.Sync.Engine;
using CdrSdk.Sync.Records;
using DuckDB.NET.Data;

namespace CdrSdk.Sync.Stores.DuckDb;

/// <summary>
/// Loads one source's rows into DuckDB: the appender fills a temporary staging table, then one transaction counts
/// what is new or changed, upserts into <c>cdr_records</c> (<c>ON CONFLICT DO UPDATE</c> only where the content hash
/// differs) and saves the checkpoint in <c>cdr_sync_state</c>.
/// </summary>
internal sealed class DuckDbBatchWriter : ISyncBatchWriter
{
    // New and changed rows are written by separate statements, each run only when the counts say it has rows:
    // DuckDB's ON CONFLICT path checks every row one by one, a plain INSERT or UPDATE joins in bulk.
    private static readonly string InsertAll = $"""
        INSERT INTO cdr_records ({string.Join(", ", SyncColumns.All)})
        SELECT $provider, $source, {SyncColumns.ContentList().Replace("record,", "record::JSON,", StringComparison.Ordinal)}, $at, $at FROM ⟨batch⟩ b
        """;

    private static readonly string InsertNew = InsertAll + """

        WHERE NOT EXISTS (SELECT 1 FROM cdr_records r WHERE r.provider = $provider AND r.source = $source AND r.id = b.id)
        """;

    private static readonly string UpdateChanged = $"""
        UPDATE cdr_records SET {SyncColumns.UpdateSet("b").Replace("b.record,", "b.record::JSON,", StringComparison.Ordinal).Replace("b.last_synced_at", "$at", StringComparison.Ordinal)}
        FROM ⟨batch⟩ b
        WHERE cdr_records.provider = $provider AND cdr_records.source = $source AND cdr_records.id = b.id AND cdr_records.content_hash <> b.content_hash
        """;

    private const string Count = """
        SELECT count(*) FILTER (WHERE r.id IS NULL),
               count(*) FILTER (WHERE r.id IS NOT NULL AND r.content_hash <> b.content_hash),
               count(*) FILTER (WHERE r.content_hash = b.content_hash)
        FROM ⟨batch⟩ b LEFT JOIN cdr_records r ON r.provider = $provider AND r.source = $source AND r.id = b.id
        """;

    private const string SaveState = """
        UPDATE cdr_sync_state SET watermark = $watermark, window_start = $start, window_end = $end, window_token = $token, updated_at = $at
        WHERE source = $source
        """;

    private readonly DuckDBConnection _connection;
    private readonly DuckDbStaging _staging;
    private readonly string _source;
    private readonly string _provider;
    private readonly SemaphoreSlim _commitGate;

    public DuckDbBatchWriter(DuckDBConnection connection, string source, string provider, SemaphoreSlim commitGate)
    {
        _connection = connection;
        _source = source;
        _provider = provider;
        _commitGate = commitGate;
        _staging = new DuckDbStaging(connection);
    }

    public int Pending => _staging.Pending;

    public ValueTask AppendAsync(SyncRow row, CancellationToken cancellationToken)
    {
        _staging.Append(row);
        return ValueTask.CompletedTask;
    }

    public async Task<CdrSyncCounts> CommitAsync(SyncCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await _commitGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var counts = default(CdrSyncCounts);
            var batch = _staging.BuildBatch();
            using (var transaction = _connection.BeginTransaction())
            {
                if (_staging.Pending > 0)
                {
                    counts = CountBatch(batch);
                    (string, object?)[] parameters = [("provider", _provider), ("source", _source), ("at", checkpoint.At)];
                    if (counts.Inserted > 0)
                    {
                        var insert = counts.Updated + counts.Unchanged == 0 ? InsertAll : InsertNew;
                        DuckDbSql.Execute(_connection, insert.Replace("⟨batch⟩", batch, StringComparison.Ordinal), parameters);
                    }

                    if (counts.Updated > 0)
                    {
                        DuckDbSql.Execute(_connection, UpdateChanged.Replace("⟨batch⟩", batch, StringComparison.Ordinal), parameters);
                    }
                }

                var window = checkpoint.WindowComplete ? (SyncWindow?)null : checkpoint.Window;
                DuckDbSql.Execute(_connection, SaveState, ("watermark", checkpoint.Watermark), ("start", window?.Start), ("end", window?.End),
                    ("token", checkpoint.ResumeToken), ("at", checkpoint.At), ("source", _source));
                SyncFaultPoints.Reach(SyncFaultPoints.CommitInFlight, _source);
                transaction.Commit();
            }

            SyncFaultPoints.Reach(SyncFaultPoints.Committed, _source);
            _staging.Clear();
            return counts;
        }
        finally
        {
            _commitGate.Release();
        }
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

    private CdrSyncCounts CountBatch(string batch)
    {
        using var command = DuckDbSql.Command(_connection, Count.Replace("⟨batch⟩", batch, StringComparison.Ordinal), ("provider", _provider), ("source", _source));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new CdrSyncCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
