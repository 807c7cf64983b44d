using CdrSdk.Sync.Engine;
using CdrSdk.Sync.Records;
using Npgsql;
using NpgsqlTypes;

namespace CdrSdk.Sync.Stores.Postgres;

/// <summary>
/// One PostgreSQL connection with its temporary staging table, filled by binary <c>COPY</c> as rows arrive. Its commit
/// runs one transaction: rows assumed new are inserted as they are (under a savepoint: a key already stored, or
/// staged twice, rolls that back), others are upserted with <c>INSERT ... ON CONFLICT DO UPDATE</c> (only where the
/// content hash differs); then the checkpoint is saved in <c>cdr_sync_state</c>, if this worker still holds the lease.
/// </summary>
internal sealed class PostgresLane : IStagingLane
{
    private const string Copy = """
        COPY cdr_staging (seq, id, kind, direction, from_number, to_number, started_at, answered_at, ended_at, duration_seconds, billable_seconds,
            outcome, raw_outcome, cost, currency, record, content_hash) FROM STDIN (FORMAT BINARY)
        """;

    private static readonly string InsertAll = $"""
        INSERT INTO cdr_records ({string.Join(", ", SyncColumns.All)})
        SELECT @provider, @source, {SyncColumns.ContentList()}, @at, @at FROM cdr_staging
        """;

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

    private const string UniqueViolation = "23505";

    private readonly NpgsqlConnection _connection;
    private readonly string _source;
    private readonly string _provider;
    private NpgsqlBinaryImporter? _import;
    private long _sequence;

    private PostgresLane(NpgsqlConnection connection, string source, string provider)
    {
        _connection = connection;
        _source = source;
        _provider = provider;
    }

    public int Pending { get; private set; }

    /// <summary>Creates the lane's staging table (jsonb already, so the commit copies the parsed record) on <paramref name="connection"/>, which it then owns.</summary>
    public static async Task<PostgresLane> CreateAsync(NpgsqlConnection connection, string source, string provider, CancellationToken cancellationToken)
    {
        await PgSql.ExecuteAsync(connection, """
            CREATE TEMP TABLE IF NOT EXISTS cdr_staging (
                seq bigint, id text, kind text, direction text, from_number text, to_number text, started_at timestamptz, answered_at timestamptz,
                ended_at timestamptz, duration_seconds numeric(18,3), billable_seconds numeric(18,3), outcome text, raw_outcome text, cost numeric,
                currency text, record jsonb, content_hash bigint);
            TRUNCATE cdr_staging;
            """, cancellationToken).ConfigureAwait(false);
        return new PostgresLane(connection, source, provider);
    }

    public async ValueTask AppendAsync(SyncRow row, CancellationToken cancellationToken)
    {
        var import = _import ??= await _connection.BeginBinaryImportAsync(Copy, cancellationToken).ConfigureAwait(false);
        await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(_sequence++, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(row.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(row.Kind, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(row.Direction, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteAsync(import, row.From, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteAsync(import, row.To, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteAsync(import, row.StartedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
        await WriteAsync(import, row.AnsweredAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
        await WriteAsync(import, row.EndedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
        await WriteAsync(import, row.DurationSeconds, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
        await WriteAsync(import, row.BillableSeconds, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(row.Outcome, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteAsync(import, row.RawOutcome, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteAsync(import, row.Cost, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
        await WriteAsync(import, row.Currency, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(row.Record, NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(row.ContentHash, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
        Pending++;
    }

    public async Task<CdrSyncCounts> CommitAsync(SyncCheckpoint checkpoint, bool assumeNew, CancellationToken cancellationToken)
    {
        await CompleteImportAsync(cancellationToken).ConfigureAwait(false);
        CdrSyncCounts? counts = null;
        var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (assumeNew && Pending > 0)
            {
                counts = await TryInsertAllAsync(transaction, checkpoint, cancellationToken).ConfigureAwait(false);
            }

            if (counts is null && Pending > 0)
            {
                counts = await MergeAsync(transaction, checkpoint, cancellationToken).ConfigureAwait(false);
            }

            var window = checkpoint.WindowComplete ? (SyncWindow?)null : checkpoint.Window;
            var saved = await PgSql.ExecuteAsync(_connection, SaveState, cancellationToken, transaction, ("watermark", checkpoint.Watermark), ("start", window?.Start),
                ("end", window?.End), ("token", checkpoint.ResumeToken), ("at", checkpoint.At), ("source", _source), ("owner", checkpoint.Owner)).ConfigureAwait(false);
            if (saved != 1)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                throw new SyncLeaseLostException(_source, checkpoint.Owner);
            }

            SyncFaultPoints.Reach(SyncFaultPoints.CommitInFlight, _source);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        SyncFaultPoints.Reach(SyncFaultPoints.Committed, _source);
        await ClearAsync(cancellationToken).ConfigureAwait(false);
        return counts ?? default;
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        if (_import is not null)
        {
            // Disposing an import that was not completed cancels it.
            await _import.DisposeAsync().ConfigureAwait(false);
            _import = null;
        }

        await PgSql.ExecuteAsync(_connection, "TRUNCATE cdr_staging", cancellationToken).ConfigureAwait(false);
        Pending = 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_import is not null)
        {
            try
            {
                await _import.DisposeAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The connection broke; the staged rows go with it.
            }
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Inserts every staged row; <see langword="null"/> (rolled back to the savepoint) when a key is stored already or staged twice.</summary>
    private async Task<CdrSyncCounts?> TryInsertAllAsync(NpgsqlTransaction transaction, SyncCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await transaction.SaveAsync("insert_all", cancellationToken).ConfigureAwait(false);
        try
        {
            var inserted = await PgSql.ExecuteAsync(_connection, InsertAll, cancellationToken, transaction, ("provider", _provider), ("source", _source), ("at", checkpoint.At))
                .ConfigureAwait(false);
            return new CdrSyncCounts(inserted, 0, 0);
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            await transaction.RollbackAsync("insert_all", cancellationToken).ConfigureAwait(false);
            return null;
        }
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
            await _import.CompleteAsync(cancellationToken).ConfigureAwait(false);
            await _import.DisposeAsync().ConfigureAwait(false);
            _import = null;
        }
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? import.WriteNullAsync(cancellationToken) : import.WriteAsync(value, type, cancellationToken);

    private static Task WriteAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? import.WriteAsync(v, type, cancellationToken) : import.WriteNullAsync(cancellationToken);
}
