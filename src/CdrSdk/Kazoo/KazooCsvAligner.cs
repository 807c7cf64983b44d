using System.Globalization;
using CdrSdk.Core.Csv;

namespace CdrSdk.Kazoo;

/// <summary>
/// Puts the cells of one Kazoo CSV line back under their header columns. Kazoo 4.3 joins the values with commas
/// and never quotes them, so a value that contains a comma (always <c>rfc_1036</c>, <c>Fri, 20 Nov 2026 21:05:57
/// GMT</c>; sometimes a caller name) splits into several cells and the line has more cells than the header has
/// columns. The aligner finds every way to give each column one or more consecutive cells such that every column
/// gets a value of its shape (<see cref="KazooCsvColumnShape"/>; only text columns and <c>rfc_1036</c> may take
/// more than one cell). Exactly one way: the cells of each column are joined again with commas. None or several:
/// the line is refused with an error that names it, so no row is ever returned shifted.
/// </summary>
/// <remarks>
/// A line with as many cells as columns is taken as it is (quoted exports, lines without commas in values). The
/// search is a walk over (column, cells taken so far) with memoized counts, so its cost grows with the number of
/// columns times the number of extra cells, not exponentially.
/// </remarks>
internal sealed class KazooCsvAligner
{
    private static readonly Dictionary<string, KazooCsvColumnShape> KnownShapes = new(StringComparer.Ordinal)
    {
        ["id"] = KazooCsvColumnShape.Token,
        ["call_id"] = KazooCsvColumnShape.Token,
        ["caller_id_number"] = KazooCsvColumnShape.Trimmed,
        ["callee_id_number"] = KazooCsvColumnShape.Trimmed,
        ["duration_seconds"] = KazooCsvColumnShape.Integer,
        ["billing_seconds"] = KazooCsvColumnShape.Integer,
        ["timestamp"] = KazooCsvColumnShape.Integer,
        ["hangup_cause"] = KazooCsvColumnShape.Token,
        ["disposition"] = KazooCsvColumnShape.Token,
        ["other_leg_call_id"] = KazooCsvColumnShape.Token,
        ["owner_id"] = KazooCsvColumnShape.Token,
        ["to"] = KazooCsvColumnShape.Token,
        ["from"] = KazooCsvColumnShape.Token,
        ["direction"] = KazooCsvColumnShape.Token,
        ["request"] = KazooCsvColumnShape.Token,
        ["authorizing_id"] = KazooCsvColumnShape.Token,
        ["cost"] = KazooCsvColumnShape.Number,
        ["reseller_cost"] = KazooCsvColumnShape.Number,
        ["dialed_number"] = KazooCsvColumnShape.Trimmed,
        ["calling_from"] = KazooCsvColumnShape.Trimmed,
        ["datetime"] = KazooCsvColumnShape.Temporal,
        ["unix_timestamp"] = KazooCsvColumnShape.Number,
        ["unix_timestamp_micro"] = KazooCsvColumnShape.Number,
        ["rfc_1036"] = KazooCsvColumnShape.Rfc1036,
        ["iso_8601"] = KazooCsvColumnShape.Temporal,
        ["iso_8601_combined"] = KazooCsvColumnShape.Temporal,
        ["call_type"] = KazooCsvColumnShape.Token,
        ["reseller_call_type"] = KazooCsvColumnShape.Token,
        ["rate"] = KazooCsvColumnShape.Number,
        ["bridge_id"] = KazooCsvColumnShape.Token,
        ["media_server"] = KazooCsvColumnShape.Token,
        ["interaction_id"] = KazooCsvColumnShape.Token,
        ["inception_direction"] = KazooCsvColumnShape.Token,
    };

    private readonly CsvHeader _header;
    private readonly KazooCsvColumnShape[] _shapes;

    public KazooCsvAligner(CsvHeader header)
    {
        _header = header;
        _shapes = header.Names.Select(n => KnownShapes.GetValueOrDefault(KazooColumnName(n), KazooCsvColumnShape.Text)).ToArray();
    }

    /// <summary>The cells of line <paramref name="line"/> (1-based, the header is line 1) aligned with the header.</summary>
    /// <exception cref="CdrTransportException">The line cannot be aligned, or not in one way only.</exception>
    public string[] Align(string[] cells, long line)
    {
        var columns = _shapes.Length;
        if (cells.Length == columns)
        {
            return cells;
        }

        if (cells.Length < columns)
        {
            throw Refused(line, cells, $"it has {cells.Length} cells for the {columns} columns of the header");
        }

        var search = new Search(this, cells);
        var count = search.Count(0, 0);
        if (count == 1)
        {
            return search.Build();
        }

        var candidates = string.Join(", ", _header.Names.Where((_, i) => _shapes[i] is KazooCsvColumnShape.Text or KazooCsvColumnShape.Rfc1036));
        throw Refused(line, cells, count == 0
            ? $"its {cells.Length} cells for {columns} columns fit no arrangement in which every column has a value of its kind"
            : $"its {cells.Length} cells for {columns} columns fit more than one arrangement: the unquoted commas may belong to any of {candidates}");
    }

    private static CdrTransportException Refused(long line, string[] cells, string why)
    {
        var id = cells.Length > 0 ? Shorten(cells[0]) : string.Empty;
        var message = string.Create(CultureInfo.InvariantCulture, $"Kazoo CSV line {line} (id '{id}') cannot be read: {why}.")
            + " Kazoo does not quote CSV values, so a comma inside a value splits it; read this range with ListAsync (JSON), which has no"
            + " such ambiguity, or with ExportCsvAsync for the raw text.";
        return new CdrTransportException(message)
        {
            Provider = CdrProvider.Kazoo,
            Failure = CdrTransportFailure.InvalidResponse,
        };
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";

    /// <summary>The header name as Kazoo writes it (lower case, underscores), for the shape lookup.</summary>
    private static string KazooColumnName(string name) => name.Trim().TrimStart('\uFEFF').ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    private static bool Fits(KazooCsvColumnShape shape, ReadOnlySpan<string> cells)
    {
        if (cells.Length == 1)
        {
            return FitsOne(shape, cells[0]);
        }

        return shape switch
        {
            KazooCsvColumnShape.Text => true,
            KazooCsvColumnShape.Rfc1036 => cells.Length == 2 && IsRfc1036(cells[0], cells[1]),
            _ => false,
        };
    }

    private static bool FitsOne(KazooCsvColumnShape shape, string cell)
    {
        if (cell.Length == 0)
        {
            return true;
        }

        return shape switch
        {
            KazooCsvColumnShape.Text => true,
            KazooCsvColumnShape.Token => !cell.AsSpan().ContainsAny(Whitespace),
            KazooCsvColumnShape.Trimmed => !char.IsWhiteSpace(cell[0]) && !char.IsWhiteSpace(cell[^1]),
            KazooCsvColumnShape.Integer => IsInteger(cell),
            KazooCsvColumnShape.Number => IsNumber(cell),
            KazooCsvColumnShape.Temporal => char.IsAsciiDigit(cell[0]) && !cell.AsSpan().ContainsAny(LineBreaks),

            // An unquoted rfc_1036 value always has its comma: one non-empty cell is half of it.
            _ => false,
        };
    }

    private static readonly char[] Whitespace = [' ', '\t', '\r', '\n'];
    private static readonly char[] LineBreaks = ['\t', '\r', '\n'];

    private static bool IsInteger(string cell)
    {
        var digits = cell.AsSpan(cell[0] is '-' or '+' ? 1 : 0);
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static bool IsNumber(string cell) =>
        char.IsAsciiDigit(cell[^1]) && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary><c>Ddd</c> and <c> DD Mon YYYY HH:MM:SS TZ</c>, the two halves of an unquoted rfc_1036 value.</summary>
    private static bool IsRfc1036(string day, string rest)
    {
        if (day.Length != 3 || !char.IsAsciiLetterUpper(day[0]) || !char.IsAsciiLetterLower(day[1]) || !char.IsAsciiLetterLower(day[2]))
        {
            return false;
        }

        // " 20 Nov 2026 21:05:57 GMT": a space, then five space-separated parts.
        if (rest.Length < 2 || rest[0] != ' ')
        {
            return false;
        }

        var parts = rest[1..].Split(' ');
        return parts.Length == 5
            && parts[0].Length is 1 or 2 && IsInteger(parts[0])
            && parts[1].Length == 3 && char.IsAsciiLetter(parts[1][0])
            && parts[2].Length >= 1 && IsInteger(parts[2])
            && parts[3].Length == 8 && parts[3][2] == ':' && parts[3][5] == ':'
            && parts[4].Length > 0;
    }

    /// <summary>One line's search: counts arrangements (up to two) and builds the one found.</summary>
    private sealed class Search
    {
        private readonly KazooCsvAligner _owner;
        private readonly string[] _cells;
        private readonly int _extra;

        // Memo per (column, cells taken beyond one per column so far): -1 unknown, else the count (0, 1, or 2 = several).
        private readonly sbyte[] _memo;
        private readonly byte[] _take;

        public Search(KazooCsvAligner owner, string[] cells)
        {
            _owner = owner;
            _cells = cells;
            _extra = cells.Length - owner._shapes.Length;
            _memo = new sbyte[(owner._shapes.Length + 1) * (_extra + 1)];
            Array.Fill(_memo, (sbyte)-1);
            _take = new byte[_memo.Length];
        }

        public int Count(int column, int cell)
        {
            var shapes = _owner._shapes;
            if (column == shapes.Length)
            {
                return cell == _cells.Length ? 1 : 0;
            }

            var slot = (column * (_extra + 1)) + (cell - column);
            if (_memo[slot] >= 0)
            {
                return _memo[slot];
            }

            var total = 0;
            var maxTake = 1 + _extra - (cell - column);
            if (shapes[column] is not (KazooCsvColumnShape.Text or KazooCsvColumnShape.Rfc1036))
            {
                maxTake = 1;
            }

            for (var take = 1; take <= maxTake && total < 2; take++)
            {
                if (!Fits(shapes[column], _cells.AsSpan(cell, take)))
                {
                    continue;
                }

                var rest = Count(column + 1, cell + take);
                if (rest > 0 && total == 0)
                {
                    _take[slot] = (byte)take;
                }

                total = Math.Min(2, total + rest);
            }

            _memo[slot] = (sbyte)total;
            return total;
        }

        /// <summary>The fields of the one arrangement found by <see cref="Count"/>.</summary>
        public string[] Build()
        {
            var fields = new string[_owner._shapes.Length];
            var cell = 0;
            for (var column = 0; column < fields.Length; column++)
            {
                var take = _take[(column * (_extra + 1)) + (cell - column)];
                fields[column] = take == 1 ? _cells[cell] : string.Join(',', _cells, cell, take);
                cell += take;
            }

            return fields;
        }
    }
}
