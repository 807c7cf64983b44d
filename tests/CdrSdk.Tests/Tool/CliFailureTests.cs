using CdrSdk.Emulator;

namespace CdrSdk.Tests.Tool;

/// <summary>
/// The built tool, as a process, when the provider refuses the credentials (exit 3, nothing left behind, so the
/// corrected command just runs), fails after retries (exit 1, what was saved kept for <c>--resume</c>), or is
/// interrupted by SIGINT (exit 130, resumable); each ends with exactly one line on standard error.
/// </summary>
public sealed class CliFailureTests : CliProcessFixture
{
    [Theory]
    [InlineData("telnyx")]
    [InlineData("voiso")]
    [InlineData("tsg")]
    [InlineData("kazoo")]
    public async Task A_refused_credential_exits_3_leaves_nothing_and_does_not_block_the_corrected_command(string provider)
    {
        var refused = await CdrProcess.RunAsync(Work, ["export", .. Provider(provider, secret: "wrong-secret"), .. Range, "-o", "x.csv"]);

        var line = AssertOneLine(refused, 3);
        Assert.Contains(". Check --", line, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", line, StringComparison.Ordinal);
        Assert.Empty(LeftBehind());

        var corrected = await CdrProcess.RunAsync(Work, ["export", .. Provider(provider), .. Range, "-o", "x.csv"]);

        Assert.True(corrected.ExitCode == 0, corrected.ToString());
        Assert.Equal(["x.csv"], LeftBehind());
        Assert.True(File.ReadLines(Path.Combine(Work, "x.csv")).Count() > 1);
    }

    [Fact]
    public async Task A_run_refused_before_its_first_page_leaves_an_existing_output_file_as_it_was()
    {
        var existing = Path.Combine(Work, "x.csv");
        await File.WriteAllTextAsync(existing, "last month's export\r\n", TestContext.Current.CancellationToken);

        var refused = await CdrProcess.RunAsync(Work, ["export", .. Provider("kazoo", secret: "wrong-secret"), .. Range, "-o", "x.csv"]);

        AssertOneLine(refused, 3);
        Assert.Equal(["x.csv"], LeftBehind());
        Assert.Equal("last month's export\r\n", await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_provider_failing_before_the_first_page_exits_1_and_leaves_nothing()
    {
        var config = await WriteConfigAsync(new { Resilience = new { MaxRetries = 0 } });
        Emulator.Faults.Add(new FaultRule { PathPrefix = "/api/v4/reporting/cdrs", StatusCode = 503, Times = 100 });

        var result = await CdrProcess.RunAsync(Work, ["export", .. Provider("voiso"), .. Range, "-o", "x.csv", "--config", config]);

        var line = AssertOneLine(result, 1);
        Assert.Contains("503", line, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was written.", line, StringComparison.Ordinal);
        Assert.Empty(LeftBehind());
    }

    [Fact]
    public async Task A_provider_failing_midway_exits_1_keeps_what_was_saved_and_resume_finishes_it()
    {
        var config = await WriteConfigAsync(new { Resilience = new { MaxRetries = 0 } });
        string[] args = ["export", .. Provider("voiso"), .. Range, "-o", "x.csv", "--page-size", "40", "--config", config];
        Emulator.Faults.Add(new FaultRule { PathPrefix = "/api/v4/reporting/cdrs", StatusCode = 500, After = 3, Times = 100 });

        var failed = await CdrProcess.RunAsync(Work, args);
        Emulator.Faults.Clear();

        var line = AssertOneLine(failed, 1);
        Assert.Contains($"120 records are in {Path.Combine(Work, "x.csv")}; run the same command with --resume to continue where it stopped.", line, StringComparison.Ordinal);
        Assert.Equal(["x.csv", "x.csv.cdr-state.json"], LeftBehind().Order(StringComparer.Ordinal));
        Assert.Equal(121, File.ReadLines(Path.Combine(Work, "x.csv")).Count());

        var resumed = await CdrProcess.RunAsync(Work, [.. args, "--resume"]);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(["x.csv"], LeftBehind());
        Assert.Contains("more records (", resumed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigint_stops_between_pages_with_exit_130_and_the_last_line_says_what_was_written_and_how_to_continue()
    {
        string[] Args(string output) => ["export", .. Provider("voiso"), .. Range, "-o", output, "--page-size", "20"];
        string[] args = Args("x.csv");
        var whole = await CdrProcess.RunAsync(Work, Args("whole.csv"));
        Assert.Equal(0, whole.ExitCode);
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Latency, Latency = TimeSpan.FromMilliseconds(50), PathPrefix = "/api/v4", Times = 10_000 });

        using (var running = CdrProcess.Start(Work, args))
        {
            await ExportStateProbe.WaitForAsync(() => ExportStateProbe.PagesSaved(Path.Combine(Work, "x.csv")) >= 3);
            await running.InterruptAsync();
            var stopped = await running.WaitAsync();

            var line = AssertOneLine(stopped, 130, "interrupted");
            var records = File.ReadLines(Path.Combine(Work, "x.csv")).Count() - 1;
            Assert.Equal($"cdr: interrupted: {records:N0} records are in {Path.Combine(Work, "x.csv")}; run the same command with --resume to continue where it stopped.", line);
            Assert.Equal(ExportStateProbe.PagesSaved(Path.Combine(Work, "x.csv")) * 20, records);
        }

        Emulator.Faults.Clear();
        var resumed = await CdrProcess.RunAsync(Work, [.. args, "--resume"]);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Work, "whole.csv"), TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(Path.Combine(Work, "x.csv"), TestContext.Current.CancellationToken));
    }
}
