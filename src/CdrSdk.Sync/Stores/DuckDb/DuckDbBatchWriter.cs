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
    private static readonly string Upsert = $"""
        INSERT INTO cdr_records ({string.Join(", ", SyncColumns.All)})
        SELECT $provider, $source, {SyncColumns.ContentList().Replace("record,", "record::JSON,", StringComparison.Ordinal)}, $at, $at FROM cdr_batch
        ON CONFLICT (provider, source, id) DO UPDATE SET {SyncColumns.UpdateSet()}
        WHERE cdr_records.content_hash <> excluded.content_hash
        """;

    private const string Count = """
        SELECT count(*) FILTER (WHERE r.id IS NULL),
               count(*) FILTER (WHERE r.id IS NOT NULL AND r.content_hash <> b.content_hash),
               count(*) FILTER (WHERE r.content_hash = b.content_hash)
        FROM cdr_batch b LEFT JOIN cdr_records r ON r.provider = $provider AND r.source = $source AND r.id = b.id
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
            _staging.BuildBatch();
            using (var transaction = _connection.BeginTransaction())
            {
                if (_staging.Pending > 0)
                {
                    counts = CountBatch();
                    DuckDbSql.Execute(_connection, Upsert, ("provider", _provider), ("source", _source), ("at", checkpoint.At));
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

    private CdrSyncCounts CountBatch()
    {
        using var command = DuckDbSql.Command(_connection, Count, ("provider", _provider), ("source", _source));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new CdrSyncCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
