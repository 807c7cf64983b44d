using System.Text.RegularExpressions;

namespace CdrSdk.Tests.Tool;

/// <summary>
/// The built tool in a real pseudo-terminal (util-linux <c>script</c>, in Debian's essential bsdutils package) and
/// redirected: colour, spinners and live progress (a Telnyx report's id and status while it is generated) only
/// on the terminal; <c>NO_COLOR</c> and <c>--no-color</c> take the colour away, not the progress; redirected, standard
/// error holds one plain line, unwrapped and without trailing spaces.
/// </summary>
public sealed partial class CliTerminalTests : CliProcessFixture
{
    private const char Escape = '\u001b';

    [Fact]
    public async Task On_a_terminal_there_is_colour_and_live_progress_of_the_report_and_redirected_only_the_summary()
    {
        string[] args = ["export", "-p", "telnyx", .. Range, "-o", "tty.csv"];

        var inTerminal = CdrTerminal.RunAsync(Work, args);
        var redirected = await CdrProcess.RunAsync(Work, ["export", "-p", "telnyx", .. Range, "-o", "redirected.csv"]);
        var terminal = await inTerminal;

        Assert.True(terminal.ExitCode == 0, terminal.ToString());
        Assert.Contains($"{Escape}[?25l", terminal.Output, StringComparison.Ordinal);          // the live display hides the cursor
        Assert.Matches(CdrTerminal.Colour(), terminal.Output);
        Assert.Matches(PendingReport(), terminal.Output);
        Assert.Contains(": complete", terminal.Output, StringComparison.Ordinal);
        Assert.Matches(@"[\d,]+ records · \d+ pages? · [\d,]+/s · 0 retries", terminal.Output);
        Assert.Contains("No address or credentials for telnyx: using the embedded emulator", terminal.Output, StringComparison.Ordinal);

        Assert.True(redirected.ExitCode == 0, redirected.ToString());
        Assert.Equal(string.Empty, redirected.Output);
        var line = Assert.Single(redirected.ErrorLines);
        Assert.DoesNotContain(Escape, redirected.Error);
        Assert.DoesNotContain('\r', redirected.Error);
        Assert.Matches(@"^Exported [\d,]+ records \(\d+ pages?, 0 retries\) in [\d.]+ s to .*redirected\.csv, from the embedded emulator \(no address or credentials were given\)\.$", line);
        Assert.True(line.Length > 80);
        Assert.Equal(File.ReadAllLines(Path.Combine(Work, "tty.csv")).Length, File.ReadAllLines(Path.Combine(Work, "redirected.csv")).Length);
    }

    [Theory]
    [InlineData("NO_COLOR")]
    [InlineData("--no-color")]
    public async Task No_color_keeps_the_live_progress_and_drops_the_colour(string how)
    {
        string[] args = ["export", "-p", "kazoo", .. Range, "-o", "k.csv", "--page-size", "50"];
        var environment = new Dictionary<string, string>();
        if (how == "NO_COLOR")
        {
            environment["NO_COLOR"] = "1";
        }
        else
        {
            args = [.. args, how];
        }

        var terminal = await CdrTerminal.RunAsync(Work, args, environment);

        Assert.True(terminal.ExitCode == 0, terminal.ToString());
        Assert.Contains($"{Escape}[?25l", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("records · ", terminal.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(CdrTerminal.Colour(), terminal.Output);
    }

    [Fact]
    public async Task Quiet_shows_nothing_on_a_terminal_and_errors_still_show()
    {
        var quiet = await CdrTerminal.RunAsync(Work, ["export", "-p", "kazoo", .. Range, "-o", "k.csv", "--quiet"]);
        var failed = await CdrTerminal.RunAsync(Work, ["export", "-p", "kazoo", .. Range, "-o", "/missing/k.csv", "-q"]);

        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.Equal(string.Empty, quiet.Output.Trim());
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("cdr: ", failed.Output, StringComparison.Ordinal);
        Assert.Contains("--out /missing/k.csv: the folder /missing does not exist", failed.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("export", "--help")]
    [InlineData("emulator", "-h")]
    public async Task Help_lists_the_exit_codes_unwrapped_on_standard_output(params string[] args)
    {
        var help = await CdrProcess.RunAsync(Work, args);

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(string.Empty, help.Error);
        var lines = help.Output.Split('\n');
        var codes = lines.SkipWhile(l => l != "Exit codes:").Skip(1).TakeWhile(l => l.Length > 0).Select(l => l.Trim().Split("  ")[0]).ToArray();
        Assert.Equal(["0", "1", "2", "3", "130"], codes);
        Assert.Contains(lines, l => l.Contains("interrupted (Ctrl+C); what was saved is kept: export --resume, or the next sync, continues", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.EndsWith(' '));
        Assert.DoesNotContain(Escape, help.Output);
    }

    [Fact]
    public async Task Out_dash_writes_the_export_to_standard_output_and_nothing_else()
    {
        var result = await CdrProcess.RunAsync(Work, ["export", "-p", "kazoo", .. Range, "-o", "-", "--format", "jsonl"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 100);
        Assert.All(lines, l => Assert.StartsWith("{\"provider\":\"kazoo\",\"id\":", l, StringComparison.Ordinal));
        Assert.Contains($"Exported {lines.Length:N0} records", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("to standard output", result.Error, StringComparison.Ordinal);
        Assert.Empty(LeftBehind());
    }

    [GeneratedRegex(@"Telnyx report [0-9a-f-]{36}: pending", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PendingReport();
}
