using CdrSdk.Sync.Engine;
using CdrSdk.Sync.Records;
using DuckDB.NET.Data;

namespace CdrSdk.Sync.Stores.DuckDb;

/// <summary>
/// A batch of rows assumed new, appended straight into <c>cdr_records</c> inside a transaction of the lane's connection
/// (DuckDB's appender writes into the connection's open transaction): no staging table, no copy at the commit. The
/// primary key checks each row as the appender flushes (against the stored rows and the batch's own) and at the commit
/// (against another transaction's); a conflict rolls the whole batch back. A crash leaves nothing of it: the
/// transaction was never committed.
/// </summary>
internal sealed class DuckDbDirectBatch : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly string _source;
    private readonly string _provider;
    private readonly int _flushRows;
    private DuckDBTransaction? _transaction;
    private DuckDBAppender? _appender;
    private DateTimeOffset _at;

    public DuckDbDirectBatch(DuckDBConnection connection, string source, string provider, int flushRows)
    {
        _connection = connection;
        _source = source;
        _provider = provider;
        _flushRows = flushRows;
    }

    public int Pending { get; private set; }

    /// <summary>
    /// Appends a row (the first of a batch takes the batch's synced-at time from <paramref name="time"/>). The batch's
    /// transaction is opened at the appender's first flush, once <paramref name="previousCommit"/> has ended: DuckDB's
    /// transactions see a snapshot, and this one saves its checkpoint into the same row of <c>cdr_sync_state</c> as
    /// the commit before it, which it must therefore see (else DuckDB refuses the update as a conflict). Until then the
    /// appender holds up to twice its flush size (a row group at the default batch size), so the reading goes on
    /// through most of that commit (a window's last, with its checkpoint, takes a few hundred milliseconds).
    /// </summary>
    /// <exception cref="SyncKeyConflictException">A key is stored already or appended twice; the batch was rolled back.</exception>
    public ValueTask AppendAsync(SyncRow row, TimeProvider time, Task? previousCommit)
    {
        if (Pending == 0)
        {
            _at = time.GetUtcNow();
        }

        // Made before the transaction is opened, the appender still flushes into it (DuckDB appends in the connection's open transaction).
        _appender ??= _connection.CreateAppender(DuckDbStore.Catalog, "main", "cdr_records");
        _appender.CreateRow()
            .AppendValue(_provider)
            .AppendValue(_source)
            .AppendContent(row)
            .AppendValue(_at)
            .AppendValue(_at)
            .EndRow();
        Pending++;
        if (Pending % _flushRows != 0)
        {
            return ValueTask.CompletedTask;
        }

        if (_transaction is null && previousCommit is { IsCompleted: false } && Pending < 2 * _flushRows)
        {
            return ValueTask.CompletedTask;
        }

        if (_transaction is not null || previousCommit is null || previousCommit.IsCompleted)
        {
            Flush();
            return ValueTask.CompletedTask;
        }

        return FlushAfterAsync(previousCommit);
    }

    /// <summary>
    /// Commits the batch: flushes the appender, runs <paramref name="beforeCommit"/> (the checkpoint, in the same
    /// transaction), then commits. Returns the rows committed.
    /// </summary>
    /// <exception cref="SyncKeyConflictException">A key is stored already, appended twice, or committed meanwhile by another transaction; nothing was committed.</exception>
    public long Commit(Action beforeCommit)
    {
        Flush();
        var transaction = _transaction ?? throw new InvalidOperationException("No batch is open.");
        beforeCommit();
        SyncFaultPoints.Reach(SyncFaultPoints.CommitInFlight, _source);
        try
        {
            transaction.Commit();
        }
        catch (DuckDBException ex) when (DuckDbRowValues.IsKeyConflict(ex))
        {
            // DuckDB ended the transaction itself.
            Reset();
            throw new SyncKeyConflictException(_source, ex);
        }

        var committed = Pending;
        Reset();
        return committed;
    }

    /// <summary>Drops the batch: the appender's rows are cleared (never flushed), the transaction rolled back.</summary>
    public void Rollback()
    {
        if (_appender is not null)
        {
            _appender.Clear();
            _appender.Close();
            _appender = null;
        }

        _transaction?.Rollback();
        Reset();
    }

    public void Dispose()
    {
        try
        {
            Rollback();
        }
        catch (DuckDBException)
        {
            // The connection is being torn down after a failure; the transaction goes with it, uncommitted.
        }
        catch (InvalidOperationException)
        {
            // The appender or transaction was finished already by the failure.
        }
    }

    private async ValueTask FlushAfterAsync(Task previousCommit)
    {
        // Its failure is the engine's to see; this batch is then discarded.
        await previousCommit.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Flush();
    }

    /// <summary>
    /// Flushes the appender's rows into the batch's transaction (opened now if it is not yet), so that they are checked
    /// and bounded by the memory limit.
    /// </summary>
    private void Flush()
    {
        if (_appender is null)
        {
            return;
        }

        _transaction ??= _connection.BeginTransaction();

        var appender = _appender;
        _appender = null;
        try
        {
            appender.Close();
        }
        catch (DuckDBException ex) when (DuckDbRowValues.IsKeyConflict(ex))
        {
            _transaction?.Rollback();
            Reset();
            throw new SyncKeyConflictException(_source, ex);
        }

        SyncFaultPoints.Reach(SyncFaultPoints.Appended, _source);
    }

    private void Reset()
    {
        _appender = null;
        _transaction = null;
        Pending = 0;
    }
}
