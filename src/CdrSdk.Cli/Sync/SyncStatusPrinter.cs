using System.Globalization;
using System.Text.Json;
using CdrSdk.Sync;
using Spectre.Console;

namespace CdrSdk.Tool.Sync;

/// <summary><c>cdr sync status</c>'s data (standard output): a table, or JSON (<c>--json</c>) with one object per source.</summary>
internal static class SyncStatusPrinter
{
    /// <summary>The sources as JSON: an array with one object per source (snake_case names), for scripts.</summary>
    public static string Json(IReadOnlyList<CdrSyncSourceStatus> sources)
    {
        var documents = sources.Select(s => new SyncStatusDocument
        {
            Source = s.Source,
            Provider = s.Provider,
            Watermark = s.Watermark,
            LagSeconds = s.Lag?.TotalSeconds,
            Rows = s.Rows,
            LastRunStartedAt = s.LastRunStartedAt,
            LastRunFinishedAt = s.LastRunFinishedAt,
            LastOutcome = s.LastOutcome?.ToString().ToLowerInvariant(),
            LastError = s.LastError,
            LastInserted = s.LastCounts.Inserted,
            LastUpdated = s.LastCounts.Updated,
            LastUnchanged = s.LastCounts.Unchanged,
            LeaseOwner = s.LeaseOwner,
            LeaseExpiresAt = s.LeaseExpiresAt,
        }).ToList();
        return JsonSerializer.Serialize(documents, SyncJsonContext.Default.ListSyncStatusDocument);
    }

    /// <summary>The sources as a table (or one line when there are none).</summary>
    public static void Write(IAnsiConsole console, string location, IReadOnlyList<CdrSyncSourceStatus> sources)
    {
        if (sources.Count == 0)
        {
            console.MarkupLine($"{Markup.Escape(location)} has no sources yet.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(location));
        foreach (var column in new[] { "source", "provider", "watermark", "lag", "rows", "last run", "outcome", "lease" })
        {
            table.AddColumn(new TableColumn(column) { Alignment = column is "rows" or "lag" ? Justify.Right : Justify.Left });
        }

        foreach (var s in sources)
        {
            table.AddRow(
                Markup.Escape(s.Source),
                Markup.Escape(s.Provider),
                Time(s.Watermark),
                s.Lag is { } lag ? Lag(lag) : "-",
                s.Rows.ToString("N0", CultureInfo.InvariantCulture),
                Time(s.LastRunFinishedAt ?? s.LastRunStartedAt),
                Markup.Escape(s.LastOutcome?.ToString().ToLowerInvariant() ?? "-") + (s.LastError is { } e ? ": " + Markup.Escape(e) : string.Empty),
                s.LeaseOwner is { } owner ? Markup.Escape(owner) + " until " + Time(s.LeaseExpiresAt) : "-");
        }

        console.Write(table);
    }

    private static string Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static string Lag(TimeSpan lag) =>
        lag.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{lag.TotalDays:0.0}d")
        : lag.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{lag.TotalHours:0.0}h")
        : string.Create(CultureInfo.InvariantCulture, $"{lag.TotalMinutes:0}m");
}
