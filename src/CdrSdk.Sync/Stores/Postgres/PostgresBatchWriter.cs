using CdrSdk.Sync.Engine;
using CdrSdk.Sync.Records;
using Npgsql;
using NpgsqlTypes;

namespace CdrSdk.Sync.Stores.Postgres;

/// <summary>
/// Loads one source's rows into PostgreSQL: binary <c>COPY</c> into a temporary staging table as rows arrive, then
/// one transaction runs <c>INSERT ... ON CONFLICT DO UPDATE</c> (only where the content hash differs) into
/// <c>cdr_records</c> and saves the checkpoint in <c>cdr_sync_state</c>, if this worker still holds the lease.
/// </summary>
internal sealed class PostgresBatchWriter : ISyncBatchWriter
{
    private const string Copy = """
        COPY cdr_staging (seq, id, kind, direction, from_number, to_number, started_at, answered_at, ended_at, duration_seconds, billable_seconds,
            outcome, raw_outcome, cost, currency, record, content_hash) FROM STDIN (FORMAT BINARY)
        """;

    private static readonly string Merge = $"""
        WITH batch AS (SELECT DISTINCT ON (id) * FROM cdr_staging ORDER BY id, seq DESC),
        up AS (
            INSERT INTO cdr_records ({string.Join(", ", SyncColumns.All)})
            SELECT @provider, @source, {SyncColumns.ContentList().Replace("record,", "record::jsonb,", StringComparison.Ordinal)}, @at, @at FROM batch
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
    private NpgsqlBinaryImporter? _import;
    private long _sequence;

    private PostgresBatchWriter(NpgsqlConnection connection, string source, string provider)
    {
        _connection = connection;
        _source = source;
        _provider = provider;
    }

    public int Pending { get; private set; }

    public static async Task<PostgresBatchWriter> CreateAsync(NpgsqlConnection connection, string source, string provider, CancellationToken cancellationToken)
    {
        await PgSql.ExecuteAsync(connection, """
            CREATE TEMP TABLE IF NOT EXISTS cdr_staging (
                seq bigint, id text, kind text, direction text, from_number text, to_number text, started_at timestamptz, answered_at timestamptz,
                ended_at timestamptz, duration_seconds numeric(18,3), billable_seconds numeric(18,3), outcome text, raw_outcome text, cost numeric,
                currency text, record text, content_hash bigint);
            TRUNCATE cdr_staging;
            """, cancellationToken).ConfigureAwait(false);
        return new PostgresBatchWriter(connection, source, provider);
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
        await import.WriteAsync(row.Record, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(row.ContentHash, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
        Pending++;
    }

    public async Task<CdrSyncCounts> CommitAsync(SyncCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await CompleteImportAsync(cancellationToken).ConfigureAwait(false);
        var counts = default(CdrSyncCounts);
        var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (Pending > 0)
            {
                var merge = PgSql.Command(_connection, Merge, transaction, ("provider", _provider), ("source", _source), ("at", checkpoint.At));
                await using (merge.ConfigureAwait(false))
                {
                    var reader = await merge.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                        var (batch, inserted, updated) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
                        counts = new CdrSyncCounts(inserted, updated, batch - inserted - updated);
                    }
                }
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
        return counts;
    }

    public async Task DiscardAsync(CancellationToken cancellationToken)
    {
        if (_import is not null)
        {
            // Disposing an import that was not completed cancels it.
            await _import.DisposeAsync().ConfigureAwait(false);
            _import = null;
        }

        await ClearAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task CompleteImportAsync(CancellationToken cancellationToken)
    {
        if (_import is not null)
        {
            await _import.CompleteAsync(cancellationToken).ConfigureAwait(false);
            await _import.DisposeAsync().ConfigureAwait(false);
            _import = null;
        }
    }

    private async Task ClearAsync(CancellationToken cancellationToken)
    {
        await PgSql.ExecuteAsync(_connection, "TRUNCATE cdr_staging", cancellationToken).ConfigureAwait(false);
        Pending = 0;
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? import.WriteNullAsync(cancellationToken) : import.WriteAsync(value, type, cancellationToken);

    private static Task WriteAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? import.WriteAsync(v, type, cancellationToken) : import.WriteNullAsync(cancellationToken);
}
