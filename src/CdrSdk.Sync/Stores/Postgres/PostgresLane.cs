using CdrSdk.Sync.Engine;
using CdrSdk.Sync.Records;
using Npgsql;
using NpgsqlTypes;

namespace CdrSdk.Sync.Stores.Postgres;

/// <summary>
/// One PostgreSQL connection with its temporary staging table. A batch of rows assumed new is copied (binary
/// <c>COPY</c>) straight into <c>cdr_records</c> inside a transaction its commit completes: the primary key checks
/// each row, and a key already stored, or copied twice, rolls the batch back (the engine then merges it). Other
/// batches are copied into the staging table and upserted at the commit with <c>INSERT ... ON CONFLICT DO UPDATE</c>
/// (only where the content hash differs). Either way the checkpoint is saved in <c>cdr_sync_state</c> in the same
/// transaction, if this worker still holds the lease.
/// </summary>
internal sealed class PostgresLane : IStagingLane
{
    private static readonly string CopyStaging = $"COPY cdr_staging (seq, {SyncColumns.ContentList()}) FROM STDIN (FORMAT BINARY)";

    private static readonly string CopyRecords = $"COPY cdr_records ({string.Join(", ", SyncColumns.All)}) FROM STDIN (FORMAT BINARY)";

    private static readonly string Merge = $"""
        WITH batch AS (SELECT DISTINCT ON (id) * FROM cdr_staging ORDER BY id, seq DESC),
        up AS (
            INSERT INTO cdr_records ({string.Join(", ", SyncColumns.All)})
            SELECT @provider, @source, {SyncColumns.ContentList()}, @at, @at FROM batch
            ON CONFLICT (provider, source, id) DO UPDATE SET {SyncColumns.UpdateSet()}
            WHERE cdr_records.content_hash <> excluded.content_hash
            RETURNING (xmax = 0) AS inserted)
        SELECT (SELECT count(*) FROM batch), count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up
        """;

    private const string SaveState = """
        UPDATE cdr_sync_state SET watermark = @watermark, window_start = @start, window_end = @end, window_token = @token, updated_at = @at
        WHERE source = @source AND lease_owner = @owner
        """;

    private readonly NpgsqlConnection _connection;
    private readonly string _source;
    private readonly string _provider;
    private readonly TimeProvider _time;
    private NpgsqlBinaryImporter? _import;

    /// <summary>The transaction of a batch copied straight into <c>cdr_records</c>, open from its first row to its commit.</summary>
    private NpgsqlTransaction? _direct;
    private DateTimeOffset _at;
    private long _sequence;

    private PostgresLane(NpgsqlConnection connection, string source, string provider, TimeProvider time)
    {
        _connection = connection;
        _source = source;
        _provider = provider;
        _time = time;
    }

    public int Pending { get; private set; }

    /// <summary>Creates the lane's staging table (jsonb already, so the commit copies the parsed record) on <paramref name="connection"/>, which it then owns.</summary>
    public static async Task<PostgresLane> CreateAsync(NpgsqlConnection connection, string source, string provider, TimeProvider time, CancellationToken cancellationToken)
    {
        await PgSql.ExecuteAsync(connection, """
            CREATE TEMP TABLE IF NOT EXISTS cdr_staging (
                seq bigint, id text, kind text, direction text, from_number text, to_number text, started_at timestamptz, answered_at timestamptz,
                ended_at timestamptz, duration_seconds numeric(18,3), billable_seconds numeric(18,3), outcome text, raw_outcome text, cost numeric,
                currency text, record jsonb, content_hash bigint);
            TRUNCATE cdr_staging;
            """, cancellationToken).ConfigureAwait(false);
        return new PostgresLane(connection, source, provider, time);
    }

    /// <remarks>
    /// A batch copied straight in starts only once <paramref name="previousCommit"/> has ended: each row it copies holds
    /// its key until this batch's commit, which waits for the one before it, so a previous commit that must write one of
    /// those keys too (a record listed in both batches: its merge, or the last rows of its own <c>COPY</c>) would wait
    /// for this batch for ever. A staged batch takes no lock in <c>cdr_records</c> and starts at once.
    /// </remarks>
    public async ValueTask AppendAsync(SyncRow row, bool assumeNew, Task? previousCommit, CancellationToken cancellationToken)
    {
        if (_import is null && Pending == 0 && assumeNew)
        {
            if (previousCommit is { IsCompleted: false })
            {
                // Its failure is the engine's to see; this batch is then discarded.
                await previousCommit.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                cancellationToken.ThrowIfCancellationRequested();
            }

            _direct = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            _at = _time.GetUtcNow();
        }

        var import = _import ??= await _connection.BeginBinaryImportAsync(_direct is null ? CopyStaging : CopyRecords, cancellationToken).ConfigureAwait(false);
        try
        {
            await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
            if (_direct is null)
            {
                await import.WriteAsync(_sequence++, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await PostgresRowValues.WriteContentAsync(import, row, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await import.WriteAsync(_provider, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(_source, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await PostgresRowValues.WriteContentAsync(import, row, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(_at, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(_at, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresRowValues.UniqueViolation && _direct is not null)
        {
            await ClearAsync(cancellationToken).ConfigureAwait(false);
            throw new SyncKeyConflictException(_source, ex);
        }

        Pending++;
    }

    public async Task<CdrSyncCounts> CommitAsync(SyncCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var counts = default(CdrSyncCounts);
        NpgsqlTransaction transaction;
        if (_direct is { } direct)
        {
            try
            {
                await CompleteImportAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresRowValues.UniqueViolation)
            {
                await ClearAsync(cancellationToken).ConfigureAwait(false);
                throw new SyncKeyConflictException(_source, ex);
            }

            // A batch copied straight in holds new rows only: its primary key let none of them in twice.
            (transaction, counts) = (direct, new CdrSyncCounts(Pending, 0, 0));
        }
        else
        {
            await CompleteImportAsync(cancellationToken).ConfigureAwait(false);
            transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (transaction.ConfigureAwait(false))
        {
            if (_direct is null && Pending > 0)
            {
                counts = await MergeAsync(transaction, checkpoint, cancellationToken).ConfigureAwait(false);
            }

            var window = checkpoint.WindowComplete ? (SyncWindow?)null : checkpoint.Window;
            var saved = await PgSql.ExecuteAsync(_connection, SaveState, cancellationToken, transaction, ("watermark", checkpoint.Watermark), ("start", window?.Start),
                ("end", window?.End), ("token", checkpoint.ResumeToken), ("at", checkpoint.At), ("source", _source), ("owner", checkpoint.Owner)).ConfigureAwait(false);
            if (saved != 1)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                _direct = null;
                throw new SyncLeaseLostException(_source, checkpoint.Owner);
            }

            SyncFaultPoints.Reach(SyncFaultPoints.CommitInFlight, _source);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        SyncFaultPoints.Reach(SyncFaultPoints.Committed, _source);
        if (_direct is not null)
        {
            // Nothing was staged: the rows went into cdr_records.
            (_direct, Pending) = (null, 0);
        }
        else
        {
            await ClearAsync(cancellationToken).ConfigureAwait(false);
        }

        return counts;
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        if (_import is not null)
        {
            // Disposing an import that was not completed cancels it.
            var import = _import;
            _import = null;
            await DisposeQuietlyAsync(import).ConfigureAwait(false);
        }

        if (_direct is not null)
        {
            var direct = _direct;
            _direct = null;
            await direct.RollbackAsync(cancellationToken).ConfigureAwait(false);
            await direct.DisposeAsync().ConfigureAwait(false);
        }

        await PgSql.ExecuteAsync(_connection, "TRUNCATE cdr_staging", cancellationToken).ConfigureAwait(false);
        Pending = 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_import is not null)
        {
            await DisposeQuietlyAsync(_import).ConfigureAwait(false);
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<CdrSyncCounts> MergeAsync(NpgsqlTransaction transaction, SyncCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var merge = PgSql.Command(_connection, Merge, transaction, ("provider", _provider), ("source", _source), ("at", checkpoint.At));
        await using (merge.ConfigureAwait(false))
        {
            var reader = await merge.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var (batch, inserted, updated) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
                return new CdrSyncCounts(inserted, updated, batch - inserted - updated);
            }
        }
    }

    private async Task CompleteImportAsync(CancellationToken cancellationToken)
    {
        if (_import is not null)
        {
            var import = _import;
            _import = null;
            try
            {
                await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await DisposeQuietlyAsync(import).ConfigureAwait(false);
            }
        }
    }

    private static async Task DisposeQuietlyAsync(NpgsqlBinaryImporter import)
    {
        try
        {
            await import.DisposeAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The import failed or the connection broke; its rows go with it. A COPY the server had failed already (a
            // key stored twice) reports that error at its cancel and stays the connection's operation: disposed once
            // more, cancelled by now, it lets the connection go back to commands.
            try
            {
                await import.DisposeAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The connection broke: the lane's next command says so.
            }
        }
    }
}
