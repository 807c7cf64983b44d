using CdrSdk.Sync.Records;
using Npgsql;
using NpgsqlTypes;

namespace CdrSdk.Sync.Stores.Postgres;

/// <summary>A row's content columns as binary <c>COPY</c> takes them, in <see cref="SyncColumns.Content"/> order.</summary>
internal static class PostgresRowValues
{
    /// <summary>The SQL state of a unique violation: a key written twice, or stored already.</summary>
    public const string UniqueViolation = "23505";

    public static async Task WriteContentAsync(NpgsqlBinaryImporter import, SyncRow row, CancellationToken cancellationToken)
    {
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
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? import.WriteNullAsync(cancellationToken) : import.WriteAsync(value, type, cancellationToken);

    private static Task WriteAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? import.WriteAsync(v, type, cancellationToken) : import.WriteNullAsync(cancellationToken);
}
