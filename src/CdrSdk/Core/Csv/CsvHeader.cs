namespace CdrSdk.Core.Csv;

/// <summary>
/// The header row of a CSV file and a lookup from column name to index. Names are matched after normalising
/// (case-insensitive; spaces, hyphens, underscores and dots ignored), so <c>Answer Timestamp</c>,
/// <c>answer-timestamp</c>, <c>answer_timestamp</c> and <c>AnswerTimestamp</c> are the same column.
/// </summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _indexes;
    private (string[] Aliases, int Index)[] _resolved = [];

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
    /// The index of the first of <paramref name="aliases"/> that the file has, or -1. Resolved once per alias set
    /// (the typed rows pass static arrays, compared by reference) and then read without locking, so a typed row
    /// property costs a short scan of a handful of references.
    /// </summary>
    public int IndexOfAny(string[] aliases)
    {
        var resolved = Volatile.Read(ref _resolved);
        foreach (var (known, index) in resolved)
        {
            if (ReferenceEquals(known, aliases))
            {
                return index;
            }
        }

        return Resolve(aliases);
    }

    private int Resolve(string[] aliases)
    {
        var index = -1;
        foreach (var alias in aliases)
        {
            index = IndexOf(alias);
            if (index >= 0)
            {
                break;
            }
        }

        // Copy on write without a lock: readers keep the array they read; a lost race only resolves twice.
        var current = Volatile.Read(ref _resolved);
        while (Interlocked.CompareExchange(ref _resolved, [.. current, (aliases, index)], current) is var seen && !ReferenceEquals(seen, current))
        {
            current = seen;
        }

        return index;
    }

    public static string Normalize(string name)
    {
        var trimmed = name.AsSpan().Trim().TrimStart('\uFEFF');
        Span<char> buffer = trimmed.Length <= 256 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        var length = 0;
        foreach (var c in trimmed)
        {
            if (c is not (' ' or '-' or '_' or '.'))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
