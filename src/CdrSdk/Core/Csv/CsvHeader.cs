namespace CdrSdk.Core.Csv;

/// <summary>
/// The header row of a CSV file and a lookup from column name to index. Names are matched after normalising
/// (case-insensitive; spaces and hyphens count as underscores), so <c>Answer Timestamp</c>,
/// <c>answer-timestamp</c> and <c>answer_timestamp</c> are the same column.
/// </summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _indexes;
    private readonly Dictionary<string, int> _aliasCache = new(StringComparer.Ordinal);

    public CsvHeader(IReadOnlyList<string> names)
    {
        Names = names;
        _indexes = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            _indexes.TryAdd(Normalize(names[i]), i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The index of the column, or -1.</summary>
    public int IndexOf(string column) => _indexes.TryGetValue(Normalize(column), out var index) ? index : -1;

    /// <summary>
    /// The index of the first of <paramref name="aliases"/> that the file has, or -1. Results are cached per
    /// alias set (keyed by the first alias), so typed row properties cost one dictionary hit.
    /// </summary>
    public int IndexOfAny(string[] aliases)
    {
        lock (_aliasCache)
        {
            if (_aliasCache.TryGetValue(aliases[0], out var cached))
            {
                return cached;
            }

            var index = -1;
            foreach (var alias in aliases)
            {
                index = IndexOf(alias);
                if (index >= 0)
                {
                    break;
                }
            }

            _aliasCache[aliases[0]] = index;
            return index;
        }
    }

    public static string Normalize(string name)
    {
        var trimmed = name.AsSpan().Trim().TrimStart('\uFEFF');
        return string.Create(trimmed.Length, trimmed.ToString(), static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is ' ' or '-' ? '_' : char.ToLowerInvariant(c);
            }
        });
    }
}
