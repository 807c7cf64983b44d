using System.Collections.Concurrent;
using System.Globalization;
using CdrSdk.Sync;
using Spectre.Console;

namespace CdrSdk.Tool.Sync;

/// <summary>Progress as plain lines, for logs and pipes: a source's start, each committed window, its end.</summary>
internal sealed class PlainSyncDisplay : ISyncDisplay, IProgress<CdrSyncProgress>
{
    private readonly IAnsiConsole _console;
    private readonly ConcurrentDictionary<string, CdrSyncProgress> _last = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public PlainSyncDisplay(IAnsiConsole console)
    {
        _console = console;
    }

    public Task<CdrSyncRunResult> RunAsync(IReadOnlyList<CdrSyncSource> sources, Func<IProgress<CdrSyncProgress>, Task<CdrSyncRunResult>> run) => run(this);

    public void Report(CdrSyncProgress value)
    {
        var previous = _last.GetValueOrDefault(value.Source);
        _last[value.Source] = value;
        string? line = null;
        if (previous is null || (previous.Phase == CdrSyncPhase.Waiting && value.Phase == CdrSyncPhase.Reading && value.WindowsPlanned > 0 && previous.WindowsPlanned == 0))
        {
            line = value.Phase == CdrSyncPhase.Waiting ? null : $"{value.Source}: reading {value.WindowsPlanned} windows";
        }
        else if (value.WindowsDone > previous.WindowsDone)
        {
            line = string.Create(CultureInfo.InvariantCulture,
                $"{value.Source}: window {value.WindowsDone}/{value.WindowsPlanned} committed up to {value.WindowEnd?.UtcDateTime:yyyy-MM-dd HH:mm}Z, {value.RecordsRead:N0} records read");
        }
        else if (value.Phase != previous.Phase && value.Phase is CdrSyncPhase.Completed or CdrSyncPhase.Failed or CdrSyncPhase.Skipped or CdrSyncPhase.Cancelled)
        {
            line = $"{value.Source}: {value.Phase.ToString().ToLowerInvariant()}" + (value.Error is null ? string.Empty : ": " + value.Error);
        }

        if (line is not null)
        {
            lock (_gate)
            {
                _console.Profile.Out.Writer.WriteLine(line);
            }
        }
    }
}
