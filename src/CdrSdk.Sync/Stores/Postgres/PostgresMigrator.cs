using Npgsql;

namespace CdrSdk.Sync.Stores.Postgres;

/// <summary>Applies the migrations a PostgreSQL database lacks, in one transaction that holds an advisory lock, so workers starting together migrate once.</summary>
internal static class PostgresMigrator
{
    public static async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await PgSql.ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, transaction, ("key", PostgresSchema.MigrationLock)).ConfigureAwait(false);
            await PgSql.ExecuteAsync(connection, PostgresSchema.VersionTable, cancellationToken, transaction).ConfigureAwait(false);
            var command = PgSql.Command(connection, "SELECT coalesce(max(version), 0) FROM cdr_schema_version", transaction);
            int current;
            await using (command.ConfigureAwait(false))
            {
                current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }

            var latest = PostgresSchema.Migrations[^1].Version;
            if (current > latest)
            {
                throw new CdrSyncException(
                    $"The store's schema is version {current}, newer than this version of CdrSdk.Sync knows ({latest}): update cdr (or CdrSdk.Sync) to use it.")
                { BeforeAnyWrite = true };
            }

            foreach (var migration in PostgresSchema.Migrations.Where(m => m.Version > current))
            {
                await PgSql.ExecuteAsync(connection, migration.Sql, cancellationToken, transaction).ConfigureAwait(false);
                await PgSql.ExecuteAsync(connection, "INSERT INTO cdr_schema_version (version, description, applied_at) VALUES (@version, @description, now())",
                    cancellationToken, transaction, ("version", migration.Version), ("description", migration.Description)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
