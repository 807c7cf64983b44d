using CdrSdk.Sync.Engine;
using CdrSdk.Sync.Records;
using DuckDB.NET.Data;

namespace CdrSdk.Sync.Stores.DuckDb;

/// <summary>
/// One connection with its staging table, and the commit of a batch: rows assumed new are appended straight into
/// <c>cdr_records</c> in an open transaction (<see cref="DuckDbDirectBatch"/>; a key already stored, or appended twice,
/// rolls the batch back and the engine merges it instead), others are staged and merged: counted against
/// <c>cdr_records</c>, the new ones inserted and the changed ones (another content hash) updated. Rows assumed new are
/// staged too while a checkpoint of the store is due (<see cref="DuckDbCommits.Due"/>), then inserted as they are (a
/// key already stored falls back to the merge in the same commit). The checkpoint is saved in <c>cdr_sync_state</c>
/// in the same transaction.
/// </summary>
internal sealed class DuckDbLane : IStagingLane
{
    private static readonly string InsertAll = $"""
        INSERT INTO cdr_records ({string.Join(", ", SyncColumns.All)})
        SELECT $provider, $source, {SyncColumns.ContentList()}, $at, $at FROM ⟨batch⟩ b
        """;

    private static readonly string InsertNew = InsertAll + """

        WHERE NOT EXISTS (SELECT 1 FROM cdr_records r WHERE r.provider = $provider AND r.source = $source AND r.id = b.id)
        """;

    private static readonly string UpdateChanged = $"""
        UPDATE cdr_records SET {SyncColumns.UpdateSet("b").Replace("b.last_synced_at", "$at", StringComparison.Ordinal)}
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
    private readonly DuckDbDirectBatch _direct;
    private readonly TimeProvider _time;
    private readonly string _source;
    private readonly string _provider;
    private readonly DuckDbCommits _commits;

    /// <summary>Whether the batch being staged is assumed new (staged only because a checkpoint was due).</summary>
    private bool _stagedAsNew;

    /// <param name="connection">The lane's own connection (its staging table is a temporary table of it).</param>
    /// <param name="source">The source.</param>
    /// <param name="provider">The source's provider.</param>
    /// <param name="commits">Runs one commit of the store at a time, each followed by a checkpoint.</param>
    /// <param name="settings">The batch size (how often the appender flushes) and the clock.</param>
    public DuckDbLane(DuckDBConnection connection, string source, string provider, DuckDbCommits commits, WriterSettings settings)
    {
        _connection = connection;
        _source = source;
        _provider = provider;
        _commits = commits;
        _time = settings.Time;
        var flushRows = DuckDbRowValues.FlushRows(settings.BatchSize);
        _staging = new DuckDbStaging(connection, flushRows);
        _direct = new DuckDbDirectBatch(connection, source, provider, flushRows);
    }

    public int Pending => _staging.Pending + _direct.Pending;

    public ValueTask AppendAsync(SyncRow row, bool assumeNew, Task? previousCommit, CancellationToken cancellationToken)
    {
        if (_direct.Pending == 0 && _staging.Pending == 0)
        {
            // A batch is staged instead while a checkpoint is due, so that no transaction stays open until it has run.
            _stagedAsNew = assumeNew && _commits.Due;
        }

        if (_direct.Pending > 0 || (assumeNew && !_stagedAsNew && _staging.Pending == 0))
        {
            return _direct.AppendAsync(row, _time, previousCommit);
        }

        _staging.Append(row);
        return ValueTask.CompletedTask;
    }

    public Task<CdrSyncCounts> CommitAsync(SyncCheckpoint checkpoint, CancellationToken cancellationToken) =>
        _commits.RunAsync(() => Commit(checkpoint), cancellationToken);

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        _direct.Rollback();
        _staging.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _direct.Dispose();
        _staging.Dispose();
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Commits the batch with the checkpoint and empties the staging table.</summary>
    private CdrSyncCounts Commit(SyncCheckpoint checkpoint)
    {
        if (_direct.Pending > 0)
        {
            // A batch appended straight in holds new rows only: its primary key let none of them in twice.
            var inserted = _direct.Commit(() => SaveCheckpoint(checkpoint));
            SyncFaultPoints.Reach(SyncFaultPoints.Committed, _source);
            return new CdrSyncCounts(inserted, 0, 0);
        }

        var counts = _stagedAsNew && _staging.Pending > 0 ? TryInsertAll(checkpoint) : null;
        counts ??= Merge(checkpoint);
        SyncFaultPoints.Reach(SyncFaultPoints.Committed, _source);
        _staging.Clear();
        return counts.Value;
    }

    /// <summary>Inserts every staged row; <see langword="null"/> (nothing written) when one of their keys is stored already or staged twice.</summary>
    private CdrSyncCounts? TryInsertAll(SyncCheckpoint checkpoint)
    {
        var batch = _staging.Close();
        using var transaction = _connection.BeginTransaction();
        try
        {
            DuckDbSql.Execute(_connection, InsertAll.Replace("⟨batch⟩", batch, StringComparison.Ordinal), ("provider", _provider), ("source", _source), ("at", checkpoint.At));
        }
        catch (DuckDBException ex) when (DuckDbRowValues.IsKeyConflict(ex))
        {
            transaction.Rollback();
            return null;
        }

        SaveCheckpoint(checkpoint);
        SyncFaultPoints.Reach(SyncFaultPoints.CommitInFlight, _source);
        transaction.Commit();
        return new CdrSyncCounts(_staging.Pending, 0, 0);
    }

    private CdrSyncCounts Merge(SyncCheckpoint checkpoint)
    {
        var counts = default(CdrSyncCounts);
        var batch = _staging.BuildBatch();
        using var transaction = _connection.BeginTransaction();
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

        SaveCheckpoint(checkpoint);
        SyncFaultPoints.Reach(SyncFaultPoints.CommitInFlight, _source);
        transaction.Commit();
        return counts;
    }

    private void SaveCheckpoint(SyncCheckpoint checkpoint)
    {
        var window = checkpoint.WindowComplete ? (SyncWindow?)null : checkpoint.Window;
        DuckDbSql.Execute(_connection, SaveState, ("watermark", checkpoint.Watermark), ("start", window?.Start), ("end", window?.End),
            ("token", checkpoint.ResumeToken), ("at", checkpoint.At), ("source", _source));
    }

    private CdrSyncCounts CountBatch(string batch)
    {
        using var command = DuckDbSql.Command(_connection, Count.Replace("⟨batch⟩", batch, StringComparison.Ordinal), ("provider", _provider), ("source", _source));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new CdrSyncCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
