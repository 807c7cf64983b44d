using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using Npgsql;

namespace CdrSdk.Sync.Tests.Infrastructure;

/// <summary>
/// Reads a store's records back through its own database (DuckDB, PostgreSQL, or DuckDB over the Parquet files
/// with Hive partitioning), as text lines sorted by key, and checksums them. The synced-at times are left out:
/// they are when a run wrote a row, not what it wrote.
/// </summary>
public static class StoreRows
{
    public const string Columns =
        "provider, source, id, kind, direction, from_number, to_number, started_at, answered_at, ended_at, duration_seconds, billable_seconds, outcome, raw_outcome, cost, currency, record, content_hash";

    public static List<string> DuckDb(string file)
    {
        using var connection = new DuckDBConnection($"Data Source={file};ACCESS_MODE=READ_ONLY");
        connection.Open();
        return Read(connection, $"SELECT {Columns} FROM cdr_records ORDER BY provider, source, id");
    }

    public static List<string> Parquet(string folder)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var glob = System.IO.Path.Combine(folder, "provider=*", "day=*", "*.parquet");
        return Read(connection, $"SELECT {Columns} FROM read_parquet('{glob}', hive_partitioning = true) ORDER BY provider, source, id");
    }

    public static List<string> Postgres(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return Read(connection, $"SELECT {Columns.Replace("record,", "record::text,", StringComparison.Ordinal)} FROM cdr_records ORDER BY provider, source, id");
    }

    public static string Checksum(IEnumerable<string> rows) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))));

    private static List<string> Read(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Text(reader.IsDBNull(i) ? null : reader.GetValue(i));
            }

            rows.Add(string.Join('|', values));
        }

        return rows;
    }

    /// <summary>Values as the same text from every driver: times in UTC with microseconds, numbers normalized, JSON compact.</summary>
    public static string Text(object? value) => value switch
    {
        null => "∅",
        DateTime t => (t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        decimal d => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        double d => ((decimal)d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        string s when s.StartsWith('{') => Canonical(System.Text.Json.Nodes.JsonNode.Parse(s))?.ToJsonString() ?? "null",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "∅",
    };

    /// <summary>JSON with the keys of every object sorted (PostgreSQL's jsonb keeps its own key order).</summary>
    private static System.Text.Json.Nodes.JsonNode? Canonical(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => new System.Text.Json.Nodes.JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        System.Text.Json.Nodes.JsonArray a => new System.Text.Json.Nodes.JsonArray(a.Select(Canonical).ToArray()),
        null => null,
        _ => System.Text.Json.Nodes.JsonNode.Parse(node.ToJsonString()),
    };
}
