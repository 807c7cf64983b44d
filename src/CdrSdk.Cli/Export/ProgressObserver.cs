using System.Globalization;
using Spectre.Console;

namespace CdrSdk.Tool.Export;

/// <summary>Shows a running export on a Spectre.Console progress task: records, pages, rate and retries.</summary>
internal sealed class ProgressObserver : IExportObserver
{
    private readonly ProgressTask _task;
    private readonly RetryCounter _retries;
    private readonly TimeProvider _time;
    private long _startTimestamp;
    private long _recordsAtStart;

    public ProgressObserver(ProgressTask task, RetryCounter retries, TimeProvider time)
    {
        _task = task;
        _retries = retries;
        _time = time;
    }

    public void Started(ExportState state)
    {
        _startTimestamp = _time.GetTimestamp();
        _recordsAtStart = state.Records;
        _task.IsIndeterminate = true;
        _task.Description = Describe(state, resumed: state.Records > 0 || state.Pages > 0);
    }

    public void PageWritten(ExportState state, int records) => _task.Description = Describe(state, resumed: false);

    public void Completed(ExportState state)
    {
        _task.Description = Describe(state, resumed: false);
        _task.IsIndeterminate = false;
        _task.Value = _task.MaxValue;
        _task.StopTask();
    }

    private string Describe(ExportState state, bool resumed)
    {
        var seconds = _time.GetElapsedTime(_startTimestamp).TotalSeconds;
        var rate = seconds > 0.5 ? (state.Records - _recordsAtStart) / seconds : 0;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{state.Records:N0} records · {state.Pages:N0} pages · {rate:N0}/s · {_retries.Retries:N0} retries");
        return resumed ? "resuming: " + text : text;
    }
}
