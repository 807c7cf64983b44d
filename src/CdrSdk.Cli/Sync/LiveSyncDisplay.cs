using System.Collections.Concurrent;
using System.Globalization;
using CdrSdk.Sync;
using Spectre.Console;

namespace CdrSdk.Tool.Sync;

/// <summary>A live table on a terminal: one row per source with its phase, window, records read, changes and retries.</summary>
internal sealed class LiveSyncDisplay : ISyncDisplay, IProgress<CdrSyncProgress>
{
    private readonly IAnsiConsole _console;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, CdrSyncProgress> _last = new(StringComparer.Ordinal);

    public LiveSyncDisplay(IAnsiConsole console, TimeProvider time)
    {
        _console = console;
        _time = time;
    }

    public void Report(CdrSyncProgress value) => _last[value.Source] = value;

    public async Task<CdrSyncRunResult> RunAsync(IReadOnlyList<CdrSyncSource> sources, Func<IProgress<CdrSyncProgress>, Task<CdrSyncRunResult>> run)
    {
        var started = _time.GetTimestamp();
        CdrSyncRunResult? result = null;
        await _console.Live(Render(sources, started)).AutoClear(true).StartAsync(async context =>
        {
            var running = run(this);
            while (await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(250), _time)).ConfigureAwait(false) != running)
            {
                context.UpdateTarget(Render(sources, started));
            }

            result = await running.ConfigureAwait(false);
        }).ConfigureAwait(false);
        return result!;
    }

    private Table Render(IReadOnlyList<CdrSyncSource> sources, long started)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"cdr sync · {_time.GetElapsedTime(started):hh\\:mm\\:ss}");
        foreach (var column in new[] { "source", "phase", "window", "windows", "read", "inserted", "updated", "unchanged", "retries" })
        {
            table.AddColumn(new TableColumn(column) { Alignment = column is "source" or "phase" or "window" ? Justify.Left : Justify.Right });
        }

        foreach (var source in sources)
        {
            var p = _last.GetValueOrDefault(source.Name);
            table.AddRow(
                Markup.Escape(source.Name),
                Phase(p?.Phase ?? CdrSyncPhase.Waiting),
                p?.WindowStart is { } start ? start.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "",
                p is null ? "" : $"{p.WindowsDone}/{p.WindowsPlanned}",
                Number(p?.RecordsRead),
                Number(p?.Counts.Inserted),
                Number(p?.Counts.Updated),
                Number(p?.Counts.Unchanged),
                Number(p?.Retries));
        }

        return table;
    }

    private static string Phase(CdrSyncPhase phase) => phase switch
    {
        CdrSyncPhase.Reading => "[blue]reading[/]",
        CdrSyncPhase.Committing => "[blue]committing[/]",
        CdrSyncPhase.Completed => "[green]done[/]",
        CdrSyncPhase.Failed => "[red]failed[/]",
        CdrSyncPhase.Skipped => "[grey]other worker[/]",
        CdrSyncPhase.Cancelled => "[yellow]stopped[/]",
        _ => "[grey]waiting[/]",
    };

    private static string Number(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "";
}
