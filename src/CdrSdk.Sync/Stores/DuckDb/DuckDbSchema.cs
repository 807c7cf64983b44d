namespace CdrSdk.Sync.Stores.DuckDb;

/// <summary>The DuckDB schema, as migrations applied in order (each in its own transaction with its version row).</summary>
internal static class DuckDbSchema
{
    public static readonly Migration[] Migrations =
    [
        new(1, "cdr_records and cdr_sync_state", """
            CREATE TABLE cdr_records (
                provider VARCHAR NOT NULL,
                source VARCHAR NOT NULL,
                id VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                direction VARCHAR NOT NULL,
                from_number VARCHAR,
                to_number VARCHAR,
                started_at TIMESTAMPTZ,
                answered_at TIMESTAMPTZ,
                ended_at TIMESTAMPTZ,
                duration_seconds DECIMAL(18,3),
                billable_seconds DECIMAL(18,3),
                outcome VARCHAR NOT NULL,
                raw_outcome VARCHAR,
                cost DECIMAL(38,10),
                currency VARCHAR,
                record JSON NOT NULL USING COMPRESSION zstd,
                content_hash BIGINT NOT NULL,
                first_synced_at TIMESTAMPTZ NOT NULL,
                last_synced_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (provider, source, id));
            CREATE TABLE cdr_sync_state (
                source VARCHAR PRIMARY KEY,
                provider VARCHAR NOT NULL,
                watermark TIMESTAMPTZ,
                window_start TIMESTAMPTZ,
                window_end TIMESTAMPTZ,
                window_token VARCHAR,
                last_run_started_at TIMESTAMPTZ,
                last_run_finished_at TIMESTAMPTZ,
                last_outcome VARCHAR,
                last_error VARCHAR,
                last_inserted BIGINT NOT NULL DEFAULT 0,
                last_updated BIGINT NOT NULL DEFAULT 0,
                last_unchanged BIGINT NOT NULL DEFAULT 0,
                lease_owner VARCHAR,
                lease_expires_at TIMESTAMPTZ,
                updated_at TIMESTAMPTZ NOT NULL);
            """),
    ];

    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS cdr_schema_version (
            version INTEGER PRIMARY KEY,
            description VARCHAR NOT NULL,
            applied_at TIMESTAMPTZ NOT NULL)
        """;
}
