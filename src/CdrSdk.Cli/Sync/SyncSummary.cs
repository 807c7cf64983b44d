using System.Globalization;
using CdrSdk.Sync;
using Spectre.Console;

namespace CdrSdk.Tool.Sync;

/// <summary>
/// What is printed (on standard error) at the end of a run: per source its outcome, changes, windows, retries, time and
/// watermark, then one line of totals. Failures are reported after it, in the one error line of the run.
/// </summary>
internal static class SyncSummary
{
    public static void Write(IAnsiConsole console, CdrSyncRunResult result, string location, bool emulated)
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
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{total.Inserted:N0} inserted, {total.Updated:N0} updated, {total.Unchanged:N0} unchanged in {result.Elapsed.TotalSeconds:0.0}s into {location}")
            + (emulated ? ", from the embedded emulator (no address or credentials were given)." : "."), Style.Plain);
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
