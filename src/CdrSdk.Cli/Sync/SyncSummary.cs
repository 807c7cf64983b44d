using System.Globalization;
using CdrSdk.Sync;
using Spectre.Console;

namespace CdrSdk.Tool.Sync;

/// <summary>The table printed at the end of a run: per source its outcome, changes, windows, retries, time and watermark.</summary>
internal static class SyncSummary
{
    public static void Write(IAnsiConsole console, CdrSyncRunResult result)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "source", "outcome", "inserted", "updated", "unchanged", "windows", "retries", "time", "watermark" })
        {
            table.AddColumn(new TableColumn(column) { Alignment = column is "source" or "outcome" or "watermark" ? Justify.Left : Justify.Right });
        }

        foreach (var s in result.Sources)
        {
            table.AddRow(
                Markup.Escape(s.Source),
                Outcome(s),
                N(s.Counts.Inserted),
                N(s.Counts.Updated),
                N(s.Counts.Unchanged),
                N(s.Windows),
                N(s.Retries),
                s.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s",
                s.Watermark?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-");
        }

        console.Write(table);
        var total = result.Counts;
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{total.Inserted:N0} inserted, {total.Updated:N0} updated, {total.Unchanged:N0} unchanged in {result.Elapsed.TotalSeconds:0.0}s."));
        foreach (var failed in result.Sources.Where(s => s.Error is not null))
        {
            console.MarkupLine($"[red]{Markup.Escape(failed.Source)}:[/] {Markup.Escape(failed.Error!)}");
        }
    }

    private static string Outcome(CdrSyncSourceResult s) => s.Outcome switch
    {
        CdrSyncOutcome.Succeeded => "[green]succeeded[/]",
        CdrSyncOutcome.Failed => "[red]failed[/]",
        CdrSyncOutcome.Cancelled => "[yellow]cancelled[/]",
        CdrSyncOutcome.Skipped => "[grey]by " + Markup.Escape(s.SyncedBy ?? "another worker") + "[/]",
        _ => Markup.Escape(s.Outcome.ToString().ToLowerInvariant()),
    };

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
