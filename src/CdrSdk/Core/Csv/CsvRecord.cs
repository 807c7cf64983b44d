using System.Globalization;
using System.Text.Json;
using CdrSdk.Core.Csv;
using CdrSdk.Core.Json;

namespace CdrSdk;

/// <summary>
/// One data row of a CSV file a provider produced (a Telnyx report, a Kazoo CSV export, a TSG export). Columns
/// are looked up by header name, because providers add, drop and reorder columns between versions.
/// </summary>
/// <remarks>
/// Name lookups ignore case, spaces, hyphens, underscores and dots (<c>Call Leg ID</c> finds <c>call_leg_id</c>). Typed accessors parse with the invariant
/// culture and return <see langword="null"/> for a missing column or an empty or unparsable cell.
/// </remarks>
public class CsvRecord : IWireJsonRecord
{
    private readonly CsvHeader _header;
    private readonly string[] _fields;

    internal CsvRecord(CsvHeader header, string[] fields)
    {
        _header = header;
        _fields = fields;
    }

    /// <summary>Copies another row (for derived, typed row classes).</summary>
    /// <param name="other">The row to copy.</param>
    protected CsvRecord(CsvRecord other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _header = other._header;
        _fields = other._fields;
    }

    /// <summary>The column names, as in the file's header row.</summary>
    public IReadOnlyList<string> Columns => _header.Names;

    /// <summary>The number of fields in this row.</summary>
    public int FieldCount => _fields.Length;

    /// <summary>The raw text of the field at <paramref name="index"/>.</summary>
    /// <param name="index">0-based field index.</param>
    public string this[int index] => _fields[index];

    /// <summary>The raw text of a column, or <see langword="null"/> when the file has no such column.</summary>
    /// <param name="column">The column name (case, spaces, hyphens, underscores and dots ignored).</param>
    public string? this[string column] => TryGetValue(column, out var value) ? value : null;

    /// <summary>Gets the raw text of a column.</summary>
    /// <param name="column">The column name (case, spaces, hyphens, underscores and dots ignored).</param>
    /// <param name="value">The text, or <see langword="null"/> when the column is missing.</param>
    /// <returns><see langword="true"/> when the file has the column.</returns>
    public bool TryGetValue(string column, out string? value)
    {
        ArgumentNullException.ThrowIfNull(column);
        var index = _header.IndexOf(column);
        value = index >= 0 && index < _fields.Length ? _fields[index] : null;
        return index >= 0;
    }

    /// <summary>The row as column name to text (columns in header order).</summary>
    /// <returns>A new dictionary.</returns>
    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var result = new Dictionary<string, string>(_header.Names.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _header.Names.Count; i++)
        {
            result.TryAdd(_header.Names[i], i < _fields.Length ? _fields[i] : string.Empty);
        }

        return result;
    }

    /// <summary>The cell of the first column among <paramref name="aliases"/> that exists; empty cells give <see langword="null"/>.</summary>
    /// <param name="aliases">Column names to try, most likely first; the same array instance on every call.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    protected string? GetString(string[] aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        var index = _header.IndexOfAny(aliases);
        if (index < 0 || index >= _fields.Length)
        {
            return null;
        }

        var value = _fields[index];
        return value.Length == 0 ? null : value;
    }

    /// <summary>An integer cell (decimals are truncated).</summary>
    /// <param name="aliases">Column names to try.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    protected long? GetInt64(string[] aliases) => LenientJson.ParseInt64(GetString(aliases));

    /// <summary>A decimal cell.</summary>
    /// <param name="aliases">Column names to try.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    protected decimal? GetDecimal(string[] aliases) => LenientJson.ParseDecimal(GetString(aliases));

    /// <summary>A date cell (ISO 8601, an offset-less value is UTC, or Unix seconds).</summary>
    /// <param name="aliases">Column names to try.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    protected DateTimeOffset? GetDateTimeOffset(string[] aliases) => LenientJson.ParseDateTimeOffset(GetString(aliases));

    /// <summary>A list cell separated by commas, semicolons or pipes.</summary>
    /// <param name="aliases">Column names to try.</param>
    /// <returns>The items; empty when the cell is missing or empty.</returns>
    protected IReadOnlyList<string> GetList(string[] aliases) =>
        GetString(aliases)?.Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>Formats the row as <c>column=value</c> pairs.</summary>
    /// <returns>The formatted row.</returns>
    public override string ToString() =>
        string.Join(", ", _header.Names.Select((name, i) => string.Create(CultureInfo.InvariantCulture, $"{name}={(i < _fields.Length ? _fields[i] : string.Empty)}")));

    /// <summary>Writes the row as an object of its columns in header order (a short row's missing cells left out).</summary>
    bool IWireJsonRecord.TryWriteWireJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        var names = _header.Names;
        for (var i = 0; i < names.Count && i < _fields.Length; i++)
        {
            writer.WriteString(names[i], _fields[i]);
        }

        writer.WriteEndObject();
        return true;
    }
}
