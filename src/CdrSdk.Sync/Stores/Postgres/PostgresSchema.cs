namespace CdrSdk.Sync.Stores.Postgres;

/// <summary>The PostgreSQL schema, as migrations applied in order under an advisory lock (several workers may start at once).</summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key the migrations hold ("cdrsync" in ASCII).</summary>
    public const long MigrationLock = 0x63647273796e63;

    public static readonly Migration[] Migrations =
    [
        new(1, "cdr_records and cdr_sync_state", """
            CREATE TABLE cdr_records (
                provider text NOT NULL,
                source text NOT NULL,
                id text NOT NULL,
                kind text NOT NULL,
                direction text NOT NULL,
                from_number text,
                to_number text,
                started_at timestamptz,
                answered_at timestamptz,
                ended_at timestamptz,
                duration_seconds numeric(18,3),
                billable_seconds numeric(18,3),
                outcome text NOT NULL,
                raw_outcome text,
                cost numeric,
                currency text,
                record jsonb NOT NULL,
                content_hash bigint NOT NULL,
                first_synced_at timestamptz NOT NULL,
                last_synced_at timestamptz NOT NULL,
                PRIMARY KEY (provider, source, id));
            CREATE INDEX cdr_records_started_at ON cdr_records (started_at);
            CREATE TABLE cdr_sync_state (
                source text PRIMARY KEY,
                provider text NOT NULL,
                watermark timestamptz,
                window_start timestamptz,
                window_end timestamptz,
                window_token text,
                last_run_started_at timestamptz,
                last_run_finished_at timestamptz,
                last_outcome text,
                last_error text,
                last_inserted bigint NOT NULL DEFAULT 0,
                last_updated bigint NOT NULL DEFAULT 0,
                last_unchanged bigint NOT NULL DEFAULT 0,
                lease_owner text,
                lease_expires_at timestamptz,
                updated_at timestamptz NOT NULL);
            """),
    ];

    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS cdr_schema_version (
            version integer PRIMARY KEY,
            description text NOT NULL,
            applied_at timestamptz NOT NULL)
        """;
}
