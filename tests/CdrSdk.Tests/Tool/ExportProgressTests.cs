using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tool.Export;

namespace CdrSdk.Tests.Tool;

/// <summary>What the progress display and the summary say: counts in the right number, this run's rate, a Telnyx report as a report.</summary>
public sealed class ExportProgressTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private long _retries;

    [Theory]
    [InlineData(0, "page", "0 pages")]
    [InlineData(1, "page", "1 page")]
    [InlineData(2, "page", "2 pages")]
    [InlineData(1, "record", "1 record")]
    [InlineData(12345, "record", "12,345 records")]
    [InlineData(1, "more record", "1 more record")]
    public void Counts_agree_in_number(long value, string noun, string expected) => Assert.Equal(expected, ExportProgress.Count(value, noun));

    [Theory]
    [InlineData(0, "0 retries")]
    [InlineData(1, "1 retry")]
    [InlineData(3, "3 retries")]
    public void Retries_agree_in_number(long value, string expected) => Assert.Equal(expected, ExportProgress.RetryCount(value));

    [Fact]
    public void A_fresh_export_counts_pages_with_records_and_its_rate()
    {
        var progress = new ExportProgress(_time, () => _retries);
        progress.Start(State(0, 0));
        Assert.Equal("waiting for the first page", progress.CountsLine());

        _time.Advance(TimeSpan.FromSeconds(2));
        progress.PageWritten(State(1000, 1), 1000);
        _retries = 1;

        Assert.Equal("1,000 records · 1 page · 500/s · 1 retry", progress.CountsLine());
        progress.PageWritten(State(1000, 2), 0);
        Assert.Equal(1, progress.RunPages);
    }

    [Fact]
    public void After_a_resume_the_rate_counts_this_run_only_and_the_totals_all_runs()
    {
        var progress = new ExportProgress(_time, () => _retries);
        progress.Start(State(90_000, 90));
        Assert.Equal("resuming after 90,000 records: waiting for the first page", progress.CountsLine());

        _time.Advance(TimeSpan.FromSeconds(4));
        progress.PageWritten(State(91_000, 91), 1000);

        Assert.Equal(1000, progress.RunRecords);
        Assert.Equal(250, progress.Rate);
        Assert.Equal("91,000 records · 1 page · 250/s · 0 retries (resumed at 90,000)", progress.CountsLine());
    }

    [Fact]
    public void A_telnyx_report_is_shown_with_its_id_and_status_and_the_wait_is_not_in_the_rate()
    {
        var progress = new ExportProgress(_time, () => _retries);
        progress.Start(State(0, 0));
        _time.Advance(TimeSpan.FromSeconds(1));
        progress.PageWritten(State(0, 1), 0);
        progress.ReportUpdated(new CdrReport { Id = "6774e2be", Status = ReportStatus.Pending });

        Assert.Equal("Telnyx report 6774e2be: pending", progress.ReportLine());
        Assert.Equal("waiting for the report", progress.CountsLine());

        _time.Advance(TimeSpan.FromSeconds(30));
        progress.ReportUpdated(new CdrReport { Id = "6774e2be", Status = ReportStatus.Pending });
        Assert.Equal(TimeSpan.FromSeconds(30), progress.ReportWait);
        progress.ReportUpdated(new CdrReport { Id = "6774e2be", Status = ReportStatus.Complete });
        _time.Advance(TimeSpan.FromSeconds(2));
        progress.PageWritten(State(1000, 2), 1000);

        Assert.Equal("Telnyx report 6774e2be: complete", progress.ReportLine());
        Assert.Equal("1,000 records · 1 page · 500/s · 0 retries", progress.CountsLine());
        Assert.Equal(TimeSpan.FromSeconds(33), progress.Elapsed);
    }

    [Fact]
    public void The_summary_says_records_pages_retries_time_output_and_source()
    {
        var settings = new ExportSettings
        {
            Provider = CdrProvider.Kazoo,
            Since = _time.GetUtcNow().AddDays(-1),
            Until = _time.GetUtcNow(),
            Format = CdrSdk.Tool.Output.OutputFormat.Csv,
            Output = new FileInfo("/data/october.csv"),
        };
        var fresh = new ExportProgress(_time, () => 2);
        fresh.Start(State(0, 0));
        _time.Advance(TimeSpan.FromSeconds(2.5));
        fresh.PageWritten(State(1, 1), 1);
        var freshSummary = ExportMessages.Summary(settings, fresh, new ExportTarget(true, "emulator", null));
        var resumed = new ExportProgress(_time, () => 0);
        resumed.Start(State(500, 5));
        _time.Advance(TimeSpan.FromSeconds(61));
        resumed.PageWritten(State(700, 6), 200);

        Assert.Equal(
            "Exported 1 record (1 page, 2 retries) in 2.5 s to /data/october.csv, from the embedded emulator (no address or credentials were given).",
            freshSummary);
        Assert.Equal(
            "Exported 200 more records (1 page, 0 retries) in 1 min 01 s to /data/october.csv, 700 records in all, from https://kazoo.example.com/v2.",
            ExportMessages.Summary(settings with { Resume = true }, resumed, new ExportTarget(false, "https://kazoo.example.com/v2", null)));
    }

    [Fact]
    public void After_a_report_that_failed_or_a_cursor_that_expired_the_way_on_is_to_start_over()
    {
        var settings = new ExportSettings
        {
            Provider = CdrProvider.Telnyx,
            Since = _time.GetUtcNow().AddDays(-1),
            Until = _time.GetUtcNow(),
            Format = CdrSdk.Tool.Output.OutputFormat.Csv,
            Output = new FileInfo("/data/x.csv"),
        };
        const string StartOver = "what was saved cannot be continued: delete x.csv.cdr-state.json and run the command without --resume to start over";

        Assert.Equal(ExportMessages.ResumeHint, ExportMessages.ContinueAfter(new CdrTransportException("refused"), settings));
        Assert.Equal(ExportMessages.ResumeHint, ExportMessages.ContinueAfter(new ReportOperationException("still pending") { Status = ReportStatus.Pending }, settings));
        Assert.Equal(StartOver, ExportMessages.ContinueAfter(new ReportOperationException("failed") { Status = ReportStatus.Failed }, settings));
        Assert.Equal(StartOver, ExportMessages.ContinueAfter(new ReportOperationException("expired") { Status = ReportStatus.Expired }, settings));
        Assert.Equal(StartOver, ExportMessages.ContinueAfter(new CdrSdk.Voiso.VoisoInvalidCursorException("expired"), settings));
    }

    private static ExportState State(long records, long pages) => new() { Identity = "test", Records = records, Pages = pages };
}
