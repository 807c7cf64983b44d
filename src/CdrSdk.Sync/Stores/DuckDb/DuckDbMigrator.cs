using DuckDB.NET.Data;

namespace CdrSdk.Sync.Stores.DuckDb;

/// <summary>Applies the migrations a DuckDB database lacks, each in one transaction with its <c>cdr_schema_version</c> row.</summary>
internal static class DuckDbMigrator
{
    public static void Migrate(DuckDBConnection connection, IReadOnlyList<Migration> migrations, DateTimeOffset now)
    {
        DuckDbSql.Execute(connection, DuckDbSchema.VersionTable);
        var current = DuckDbSql.Scalar<int?>(connection, "SELECT max(version) FROM cdr_schema_version") ?? 0;
        var latest = migrations[^1].Version;
        if (current > latest)
        {
            throw new CdrSyncException(
                $"The store's schema is version {current}, newer than this version of CdrSdk.Sync knows ({latest}): update cdr (or CdrSdk.Sync) to use it.")
            { BeforeAnyWrite = true };
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            DuckDbSql.Execute(connection, migration.Sql);
            DuckDbSql.Execute(connection, "INSERT INTO cdr_schema_version (version, description, applied_at) VALUES ($version, $description, $at)",
                ("version", migration.Version), ("description", migration.Description), ("at", now));
            transaction.Commit();
        }
    }
}
