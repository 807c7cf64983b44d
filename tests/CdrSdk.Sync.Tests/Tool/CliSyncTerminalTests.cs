using CdrSdk.Sync.Tests.Infrastructure;
using CdrSdk.Tests.Tool;

namespace CdrSdk.Sync.Tests.Tool;

/// <summary>
/// The built tool's <c>cdr sync</c> in a real pseudo-terminal (util-linux <c>script</c>) and redirected, like
/// <c>cdr export</c>: a live table and colour only on the terminal, <c>NO_COLOR</c> takes the colour away and keeps the
/// table, redirected standard error holds plain lines and the summary, standard output nothing.
/// </summary>
public sealed class CliSyncTerminalTests : IDisposable
{
    private const char Escape = '\u001b';
    private static readonly string[] Range = ["--provider", "kazoo", "--from", "2026-10-01", "--to", "2026-10-01T12:00:00Z", "--page-size", "100"];
    private readonly TempFolder _folder = new();

    public CliSyncTerminalTests()
    {
        Directory.CreateDirectory(Work);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task On_a_terminal_the_progress_is_a_live_table_in_colour_and_redirected_it_is_plain_lines()
    {
        var terminal = await CdrTerminal.RunAsync(Work, ["sync", "--store", "duckdb:tty.duckdb", .. Range]);
        var plain = await CdrTerminal.RunAsync(Work, ["sync", "--store", "duckdb:plain.duckdb", .. Range], new Dictionary<string, string> { ["NO_COLOR"] = "1" });
        var redirected = await CdrProcess.RunAsync(Work, ["sync", "--store", "duckdb:redirected.duckdb", .. Range]);

        Assert.True(terminal.ExitCode == 0, terminal.ToString());
        Assert.Contains($"{Escape}[?25l", terminal.Output, StringComparison.Ordinal);          // the live display hides the cursor
        Assert.Contains("cdr sync ·", terminal.Output, StringComparison.Ordinal);
        Assert.Matches(CdrTerminal.Colour(), terminal.Output);
        Assert.Contains("from the embedded emulator", terminal.Output, StringComparison.Ordinal);

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains($"{Escape}[?25l", plain.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(CdrTerminal.Colour(), plain.Output);

        Assert.True(redirected.ExitCode == 0, redirected.ToString());
        Assert.Equal(string.Empty, redirected.Output);
        Assert.DoesNotContain(Escape, redirected.Error);
        Assert.Contains(redirected.ErrorLines, l => l.StartsWith("kazoo-", StringComparison.Ordinal) && l.Contains(": window 1/1 committed up to 2026-10-01 12:00Z", StringComparison.Ordinal));
        Assert.Matches(@"^[\d,]+ inserted, 0 updated, 0 unchanged in [\d.]+s into duckdb:.*redirected\.duckdb, from the embedded emulator", redirected.ErrorLines[^1]);
    }

    [Fact]
    public async Task Quiet_prints_nothing_and_a_failure_is_still_one_line()
    {
        var quiet = await CdrProcess.RunAsync(Work, ["sync", "--store", "duckdb:q.duckdb", .. Range, "--quiet"]);
        var failed = await CdrProcess.RunAsync(Work, ["sync", "--store", "sqlite:q.db", .. Range, "-q"]);

        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.Equal(string.Empty, quiet.Output + quiet.Error);
        Assert.Equal(2, failed.ExitCode);
        Assert.Equal(string.Empty, failed.Output);
        Assert.StartsWith("cdr: error: ", Assert.Single(failed.ErrorLines), StringComparison.Ordinal);
    }

    // A folder inside the temporary one: the process's own temporary folder is made next to its working directory.
    private string Work => _folder.File("work");
}
