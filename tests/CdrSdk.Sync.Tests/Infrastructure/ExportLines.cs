using System.Globalization;
using System.Text.Json;
using CdrSdk.Tool.Output;
using DuckDB.NET.Data;

namespace CdrSdk.Sync.Tests.Infrastructure;

/// <summary>
/// The unified fields of records as one text line each, sorted: from a <c>cdr export</c> JSON Lines file, and from a
/// DuckDB store formatted with the export's own rules, so "sync equals export" compares record for record.
/// </summary>
public static class ExportLines
{
    private static readonly string[] Fields =
        ["provider", "id", "kind", "direction", "from", "to", "started_at", "answered_at", "ended_at", "duration_seconds", "billable_seconds", "outcome", "raw_outcome", "cost", "currency"];

    public static List<string> FromJsonLines(string file) =>
        File.ReadLines(file).Where(l => l.Length > 0).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return string.Join('|', Fields.Select(f => Value(document.RootElement.GetProperty(f))));
        }).Order(StringComparer.Ordinal).ToList();

    public static List<string> FromDuckDb(string file)
    {
        using var connection = new DuckDBConnection($"Data Source={file};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT provider, id, kind, direction, from_number, to_number, started_at, answered_at, ended_at, duration_seconds, billable_seconds,
                   outcome, raw_outcome, cost, currency FROM cdr_records
            """;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
                {
                    DateTime t => CallRecordColumns.Time(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)))!,
                    DateTimeOffset t => CallRecordColumns.Time(t)!,
                    decimal d => Number(d),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture)!,
                };
            }

            lines.Add(string.Join('|', values));
        }

        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "∅",
        JsonValueKind.Number => Number(value.GetDecimal()),
        _ => value.GetString()!,
    };

    private static string Number(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
