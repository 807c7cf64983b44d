using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CdrSdk.Samples;

/// <summary>
/// Console tables that stay readable at 80 columns: times, numbers, phone numbers and ids never wrap (they are
/// chosen short enough to fit), and free text gives way with an ellipsis instead of folding over several lines.
/// Cells are plain text, never markup, so a provider value with brackets prints as it is.
/// </summary>
internal static class SampleTable
{
    /// <summary>A table with these columns.</summary>
    /// <param name="columns">The columns, in order.</param>
    /// <returns>The table.</returns>
    public static Table Create(params TableColumn[] columns)
    {
        var table = new Table();
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        return table;
    }

    /// <summary>A column kept on one line (times, phone numbers, ids, short words).</summary>
    /// <param name="header">The heading.</param>
    /// <returns>The column.</returns>
    public static TableColumn Fixed(string header) => new TableColumn(header).NoWrap();

    /// <summary>A number column: one line, right-aligned.</summary>
    /// <param name="header">The heading.</param>
    /// <returns>The column.</returns>
    public static TableColumn Number(string header) => new TableColumn(header).NoWrap().RightAligned();

    /// <summary>A free-text column: shortened with an ellipsis when the screen is too narrow.</summary>
    /// <param name="header">The heading.</param>
    /// <returns>The column.</returns>
    public static TableColumn Text(string header) => new(header);

    /// <summary>Adds a row of plain-text cells; absent values are empty.</summary>
    /// <param name="table">The table.</param>
    /// <param name="cells">The cells, one per column.</param>
    public static void AddRow(Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(c ?? string.Empty).Overflow(Overflow.Ellipsis)));

    /// <summary><c>11-30 21:51</c>: month, day, hours and minutes in UTC.</summary>
    /// <param name="value">The time.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public static string? Minute(DateTimeOffset? value) => value?.ToUniversalTime().ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary><c>in</c> or <c>out</c> for the usual direction words; anything else as it is, lower case.</summary>
    /// <param name="direction">The provider's direction.</param>
    /// <returns>The short form.</returns>
    public static string? Direction(string? direction) => direction?.ToLowerInvariant() switch
    {
        null => null,
        "inbound" or "incoming" => "in",
        "outbound" or "outgoing" => "out",
        var other => other,
    };

    /// <summary>A decimal amount with four decimals.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public static string? Money(decimal? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A whole number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public static string? Whole(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
