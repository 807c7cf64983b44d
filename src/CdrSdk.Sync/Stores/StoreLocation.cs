using Npgsql;

namespace CdrSdk.Sync.Stores;

/// <summary>A parsed <c>--store</c> value: its scheme, its target, and a description that is safe to print.</summary>
internal sealed record StoreLocation(StoreKind Kind, string Target, string Display)
{
    public const string Schemes = "duckdb:PATH, postgres:CONNECTION-STRING (or a postgres:// URL) or parquet:DIR";

    /// <exception cref="CdrSyncException">The value is empty, of an unknown scheme, or its target is missing or malformed.</exception>
    public static StoreLocation Parse(string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            throw Invalid($"A store is required: {Schemes}.");
        }

        var text = location.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(PostgresUrl.ToConnectionString(text));
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? text[..colon].ToLowerInvariant() : string.Empty;
        var target = colon > 0 ? text[(colon + 1)..].Trim() : string.Empty;
        switch (scheme)
        {
            case "duckdb":
                RequireTarget(target, "duckdb:PATH needs the database file, for example duckdb:cdr.duckdb");
                var file = Path.GetFullPath(target);
                return new StoreLocation(StoreKind.DuckDb, file, "duckdb:" + file);
            case "parquet":
                RequireTarget(target, "parquet:DIR needs the dataset folder, for example parquet:cdr-dataset");
                var folder = Path.GetFullPath(target);
                return new StoreLocation(StoreKind.Parquet, folder, "parquet:" + folder);
            case "postgres" or "postgresql" or "pg":
                RequireTarget(target, "postgres:CONNECTION-STRING needs a connection string, for example postgres:Host=localhost;Database=cdr;Username=cdr");
                return Postgres(target);
            default:
                // Only the scheme is echoed: the rest may hold a password.
                var shown = scheme.Length is > 0 and <= 20 ? $"'{scheme}'" : "none";
                throw Invalid($"The store has an unknown scheme ({shown}): use {Schemes}.");
        }
    }

    public override string ToString() => Display;

    private static StoreLocation Postgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // The parser's message names the bad keyword, never the values.
            throw Invalid($"The PostgreSQL connection string is not valid: {ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw Invalid("The PostgreSQL connection string needs Host=..., for example postgres:Host=localhost;Database=cdr;Username=cdr.");
        }

        return new StoreLocation(StoreKind.Postgres, builder.ConnectionString, "postgres:" + Redact(builder));
    }

    /// <summary>The connection string without its password (and anything else secret).</summary>
    public static string Redact(NpgsqlConnectionStringBuilder builder)
    {
        var safe = new NpgsqlConnectionStringBuilder { Host = builder.Host, Port = builder.Port, Database = builder.Database, Username = builder.Username };
        return safe.ConnectionString;
    }

    private static void RequireTarget(string target, string message)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw Invalid(message + ".");
        }
    }

    private static CdrSyncException Invalid(string message, Exception? inner = null) => new(message, inner) { BeforeAnyWrite = true };
}
