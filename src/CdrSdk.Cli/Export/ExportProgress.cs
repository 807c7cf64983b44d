using System.Globalization;
using CdrSdk.Telnyx;

namespace CdrSdk.Tool.Export;

/// <summary>
/// The numbers of a running export and their wording, shared by the live display and the final summary. Counts
/// of this run (records, pages with records, the rate) are kept apart from the totals of all runs, so a resumed
/// export's rate is its own; a Telnyx report being generated is shown as what it is (its id, status and how long
/// it has been waited for), not as pages.
/// </summary>
internal sealed class ExportProgress
{
    private readonly TimeProvider _time;
    private readonly Func<long> _retries;
    private long _started;
    private long _rateStarted;
    private long _recordsAtStart;
    private long _reportSeen;

    public ExportProgress(TimeProvider time, Func<long> retries)
    {
        _time = time;
        _retries = retries;
        _started = _rateStarted = time.GetTimestamp();
    }

    /// <summary>Records in the output, all runs together.</summary>
    public long Records { get; private set; }

    /// <summary>Records this run wrote.</summary>
    public long RunRecords => Records - _recordsAtStart;

    /// <summary>Pages with records this run wrote.</summary>
    public long RunPages { get; private set; }

    /// <summary>This run continues an interrupted export.</summary>
    public bool Resumed { get; private set; }

    public long Retries => _retries();

    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>
    /// Records per second of this run, since the records began to flow (after a Telnyx report was generated); 0 in
    /// the first half second.
    /// </summary>
    public double Rate => _time.GetElapsedTime(_rateStarted).TotalSeconds is var seconds and >= 0.5 ? RunRecords / seconds : 0;

    /// <summary>The Telnyx report this run waits for or reads, if any.</summary>
    public TelnyxReport? Report { get; private set; }

    /// <summary>How long this run has seen the report without it being complete.</summary>
    public TimeSpan ReportWait { get; private set; }

    public void Start(ExportState state)
    {
        _started = _rateStarted = _time.GetTimestamp();
        _recordsAtStart = Records = state.Records;
        Resumed = state.Records > 0 || state.Pages > 0;
    }

    public void PageWritten(ExportState state, int records)
    {
        Records = state.Records;
        RunPages += records > 0 ? 1 : 0;
    }

    public void ReportUpdated(TelnyxReport report)
    {
        if (Report is null)
        {
            _reportSeen = _time.GetTimestamp();
        }

        Report = report;
        ReportWait = _time.GetElapsedTime(_reportSeen);
        if (report.IsTerminal)
        {
            _rateStarted = _time.GetTimestamp();
        }
    }

    /// <summary>True while a Telnyx report is being generated (and nothing was read from it yet).</summary>
    public bool WaitingForReport => Report is { IsTerminal: false } && RunRecords == 0;

    /// <summary>For example <c>Telnyx report 6774e2be-...: pending</c>.</summary>
    public string ReportLine() => Report is { } r ? $"Telnyx report {r.Id}: {Status(r.Status)}" : string.Empty;

    /// <summary>
    /// For example <c>1,234 records · 3 pages · 530/s · 1 retry</c>, with what earlier runs wrote when resumed; before
    /// the first records, what is being waited for.
    /// </summary>
    public string CountsLine()
    {
        if (RunRecords == 0 && RunPages == 0)
        {
            var waiting = WaitingForReport ? "waiting for the report" : "waiting for the first page";
            return Resumed ? string.Create(CultureInfo.InvariantCulture, $"resuming after {Count(Records, "record")}: {waiting}") : waiting;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{Count(Records, "record")} · {Count(RunPages, "page")} · {Rate:N0}/s · {RetryCount(Retries)}");
        return Resumed ? string.Create(CultureInfo.InvariantCulture, $"{text} (resumed at {_recordsAtStart:N0})") : text;
    }

    /// <summary>"1 record", "2 records", "1,000 pages".</summary>
    public static string Count(long value, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:N0} {noun}{(value == 1 ? string.Empty : "s")}");

    /// <summary>"1 retry", "3 retries".</summary>
    public static string RetryCount(long value) => string.Create(CultureInfo.InvariantCulture, $"{value:N0} {(value == 1 ? "retry" : "retries")}");

    /// <summary>"0.4 s", "12.0 s", "2 min 05 s".</summary>
    public static string Duration(TimeSpan value) =>
        value < TimeSpan.FromMinutes(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.0} s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalMinutes} min {value.Seconds:00} s");

    private static string Status(ReportStatus status) => status.ToString().ToLowerInvariant();
}
