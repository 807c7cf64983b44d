using CdrSdk.Telnyx;
using Spectre.Console;

namespace CdrSdk.Tool.Export;

/// <summary>
/// Keeps the <see cref="ExportProgress"/> of a run and, on a terminal, shows it live on Spectre.Console progress
/// tasks: one for a Telnyx report while it is generated (id, status, and the time waited in its elapsed column),
/// one for the records (counts, pages, rate, retries).
/// </summary>
internal sealed class ExportObserver : IExportObserver, IProgress<TelnyxReport>
{
    private readonly ProgressContext? _live;
    private readonly Lock _gate = new();
    private ProgressTask? _reportTask;
    private ProgressTask? _recordsTask;

    /// <param name="progress">The numbers to keep.</param>
    /// <param name="live">The live display, or <see langword="null"/> to show nothing.</param>
    public ExportObserver(ExportProgress progress, ProgressContext? live)
    {
        Progress = progress;
        _live = live;
    }

    public ExportProgress Progress { get; }

    public void Started(ExportState state)
    {
        lock (_gate)
        {
            Progress.Start(state);
            if (_live is not null)
            {
                _recordsTask = _live.AddTask(RecordsLine(), maxValue: 1);
                _recordsTask.IsIndeterminate = true;
            }
        }
    }

    public void PageWritten(ExportState state, int records)
    {
        lock (_gate)
        {
            Progress.PageWritten(state, records);
            Show();
        }
    }

    public void Completed(ExportState state)
    {
        lock (_gate)
        {
            Show();
            if (_recordsTask is { } task)
            {
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }

    /// <summary>The Telnyx report, after every status check of the SDK.</summary>
    public void Report(TelnyxReport value)
    {
        lock (_gate)
        {
            Progress.ReportUpdated(value);
            if (_live is null)
            {
                return;
            }

            if (_reportTask is null)
            {
                // Shown above the records, in the order the work happens.
                var line = Markup.Escape(Progress.ReportLine());
                var settings = new ProgressTaskSettings { MaxValue = 1 };
                _reportTask = _recordsTask is null ? _live.AddTask(line, settings) : _live.AddTaskBefore(line, settings, _recordsTask);
                _reportTask.IsIndeterminate = true;
            }

            Show();
            if (value.IsTerminal && !_reportTask.IsFinished)
            {
                _reportTask.IsIndeterminate = false;
                _reportTask.Value = 1;
                _reportTask.StopTask();
            }
        }
    }

    private void Show()
    {
        if (_reportTask is not null)
        {
            _reportTask.Description = Markup.Escape(Progress.ReportLine());
        }

        if (_recordsTask is not null)
        {
            _recordsTask.Description = RecordsLine();
        }
    }

    private string RecordsLine() => Markup.Escape(Progress.CountsLine());
}
