using CdrSdk.Sync.Records;
using DuckDB.NET.Data;

namespace CdrSdk.Sync.Stores.DuckDb;

/// <summary>
/// A temporary table of one connection that rows are bulk loaded into with DuckDB's appender, and the deduplicated
/// batch made from it (the last row of an id wins). Temporary tables vanish with the connection, so a crash
/// leaves nothing staged behind.
/// </summary>
internal sealed class DuckDbStaging : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly int _flushRows;
    private DuckDBAppender? _appender;
    private long _sequence;

    // Made again after each batch: rows deleted from a temporary table keep their space (spilled to disk once the
    // memory limit is reached), a table dropped gives it back.
    private const string Create = """
        CREATE OR REPLACE TEMP TABLE cdr_staging (
            seq BIGINT, id VARCHAR, kind VARCHAR, direction VARCHAR, from_number VARCHAR, to_number VARCHAR,
            started_at TIMESTAMPTZ, answered_at TIMESTAMPTZ, ended_at TIMESTAMPTZ, duration_seconds DECIMAL(18,3), billable_seconds DECIMAL(18,3),
            outcome VARCHAR, raw_outcome VARCHAR, cost DECIMAL(38,10), currency VARCHAR, record JSON, content_hash BIGINT)
        """;

    public DuckDbStaging(DuckDBConnection connection, int flushRows)
    {
        _connection = connection;
        _flushRows = flushRows;
        DuckDbSql.Execute(connection, Create);
    }

    public int Pending { get; private set; }

    public void Append(SyncRow row)
    {
        _appender ??= _connection.CreateAppender("temp", "main", "cdr_staging");
        _appender.CreateRow()
            .AppendValue(_sequence++)
            .AppendContent(row)
            .EndRow();
        Pending++;
        if (Pending % _flushRows == 0)
        {
            // Into the staging table, which the memory limit bounds (DuckDbRowValues.FlushRows).
            Close();
        }
    }

    /// <summary>Flushes the appender and names the staging table, as it is (an id may be in it twice).</summary>
    public string Close()
    {
        _appender?.Close();
        _appender = null;
        return "cdr_staging";
    }

    /// <summary>
    /// Flushes the appender and names the table that holds one row per id: the staging table itself when no id was
    /// staged twice (the usual case, no copy), else the temporary table <c>cdr_batch</c> with the last row of each id.
    /// </summary>
    public string BuildBatch()
    {
        Close();
        if (DuckDbSql.Scalar<long>(_connection, "SELECT count(*) - count(DISTINCT id) FROM cdr_staging") == 0)
        {
            return "cdr_staging";
        }

        DuckDbSql.Execute(_connection, $"""
            CREATE OR REPLACE TEMP TABLE cdr_batch AS
            SELECT {SyncColumns.ContentList()} FROM cdr_staging QUALIFY row_number() OVER (PARTITION BY id ORDER BY seq DESC) = 1
            """);
        return "cdr_batch";
    }

    /// <summary>Empties the staging table after a commit or a discard (made anew, so its space is given back).</summary>
    public void Clear()
    {
        _appender?.Dispose();
        _appender = null;
        DuckDbSql.Execute(_connection, "DROP TABLE IF EXISTS cdr_batch; " + Create);
        Pending = 0;
    }

    public void Dispose()
    {
        try
        {
            _appender?.Dispose();
        }
        catch (DuckDBException)
        {
            // The connection is being torn down after a failure; the staged rows are dropped with it.
        }

        _appender = null;
    }
}
