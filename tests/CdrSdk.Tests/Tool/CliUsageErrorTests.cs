using System.Net;
using System.Net.Sockets;

namespace CdrSdk.Tests.Tool;

/// <summary>
/// The built tool, as a process, on every kind of usage, input, file and config error: exit code 2, exactly one
/// line on standard error naming the option or file, nothing on standard output, nothing sent and nothing left
/// behind.
/// </summary>
public sealed class CliUsageErrorTests : CliProcessFixture
{
    public static TheoryData<string[], string> ParseErrors => new()
    {
        { ["export", "-p", "foo", "--from", "2026-10-01", "--to", "2026-10-02"], "--provider must be telnyx, voiso, tsg or kazoo, but was 'foo'." },
        { ["export", "-p", "kazoo", "--from", "2026-13-01", "--to", "2026-10-02"], "--from must be a date or time such as 2026-10-01" },
        { ["export", "-p", "kazoo", "--from", "2026-10-01", "--to", "2026-10-02", "--format", "xml"], "--format must be csv or jsonl, but was 'xml'." },
        { ["export", "-p", "kazoo", "--from", "2026-10-01", "--to", "2026-10-02", "--page-size", "0"], "--page-size must be a whole number from 1 to 1000, but was '0'." },
        { ["export", "-p", "kazoo", "--from", "2026-10-01", "--to", "2026-10-02", "--page-size", "many"], "--page-size must be a whole number from 1 to 1000, but was 'many'." },
        { ["export", "-p", "kazoo", "--from", "2026-10-01", "--to", "2026-10-02", "--frm", "x"], "Unrecognized command or argument '--frm'" },
        { ["export", "-p", "kazoo", "--to", "2026-10-02"], "Option '--from' is required." },
        { ["emulator", "--port", "70000"], "--port must be a whole number from 0 to 65535, but was '70000'." },
        { [], "Required command was not provided." },
    };

    [Theory]
    [MemberData(nameof(ParseErrors))]
    public async Task A_parse_error_is_one_line_pointing_at_the_help_with_exit_code_2(string[] args, string message)
    {
        var result = await CdrProcess.RunAsync(Work, args);

        var line = AssertOneLine(result, 2);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.EndsWith("--help'.", line, StringComparison.Ordinal);
        Assert.Empty(LeftBehind());
    }

    public static TheoryData<string, string[], string> InputErrors => new()
    {
        { "voiso", ["--type", "calls"], "--type 'calls' is not a Voiso record type this version knows: use call, conversation, sms or hlr_lookup, or add --allow-unknown-values" },
        { "tsg", ["--type", "FAX"], "--type 'FAX' is not a TSG record type this version knows: use SMS, MMS, VOICE or API, or add --allow-unknown-values" },
        { "tsg", ["--type", "SMS", "VOICE"], "TSG exports one record type at a time" },
        { "telnyx", ["--type", "faxes"], "--type for telnyx is calls (CDR reports) or messages" },
        { "telnyx", ["--queue", "302"], "--queue applies to voiso only, not to telnyx." },
        { "kazoo", ["--account-id", "nope"], "'nope' is not a Kazoo account id" },
        { "voiso", ["-o", "-", "--resume"], "--resume needs --out to be a file" },
        { "voiso", ["--resume"], "There is no interrupted export of x.csv to resume" },
        { "telnyx", ["--api-version", "V3"], "--api-version (or TELNYX_API_VERSION) must be V1 or V2, but was 'V3'." },
    };

    [Theory]
    [MemberData(nameof(InputErrors))]
    public async Task Bad_input_is_refused_before_anything_is_sent(string provider, string[] extra, string message)
    {
        var result = await CdrProcess.RunAsync(Work, Overriding(["export", .. Provider(provider), .. Range, "-o", "x.csv"], extra));

        Assert.Contains(message, AssertOneLine(result, 2), StringComparison.Ordinal);
        Assert.Empty(LeftBehind());
        Assert.Empty(Emulator.Requests.Snapshot());
    }

    [Fact]
    public async Task Allow_unknown_values_sends_a_type_as_given()
    {
        var voiso = await CdrProcess.RunAsync(Work, ["export", .. Provider("voiso"), .. Range, "-o", "v.csv", "--type", "calls", "--allow-unknown-values"]);
        var tsg = await CdrProcess.RunAsync(Work, ["export", .. Provider("tsg"), .. Range, "-o", "t.csv", "--type", "FAX", "--allow-unknown-values"]);

        Assert.True(voiso.ExitCode == 0, voiso.ToString());
        Assert.Contains(Emulator.Requests.Snapshot(), r => r.Path == "/api/v4/reporting/cdrs" && r.QueryString.Contains("=calls", StringComparison.Ordinal));
        Assert.Equal("provider,id,kind,direction,from,to,started_at,answered_at,ended_at,duration_seconds,billable_seconds,outcome,raw_outcome,cost,currency", Assert.Single(File.ReadLines(Path.Combine(Work, "v.csv"))));

        // The emulator, like TSG, answers a type it does not have with a GraphQL error: the value was sent as given.
        Assert.Contains("FAX", AssertOneLine(tsg, 1), StringComparison.Ordinal);
        Assert.Contains(Emulator.Requests.Snapshot(), r => r.Method == "POST" && r.Path == "/graphql");
        Assert.Equal(["v.csv"], LeftBehind());
    }

    /// <summary><paramref name="args"/> with the options <paramref name="extra"/> gives replaced by its values, and the rest added.</summary>
    private static string[] Overriding(string[] args, string[] extra)
    {
        var given = extra.Where(a => a.StartsWith('-') && a != "-").ToHashSet(StringComparer.Ordinal);
        var kept = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (given.Contains(args[i]))
            {
                i++;
                continue;
            }

            kept.Add(args[i]);
        }

        return [.. kept, .. extra];
    }

    [Fact]
    public async Task Output_paths_that_cannot_be_written_are_refused_before_anything_is_sent()
    {
        var cases = new (string Out, string Message)[]
        {
            ("/missing/dir/x.csv", "--out /missing/dir/x.csv: the folder /missing/dir does not exist"),
            ("/proc/x.csv", "--out /proc/x.csv cannot be created: /proc does not accept new files"),
            (Inputs, $"--out {Inputs} is a folder: give a file name, for example {Path.Combine(Inputs, "cdrs.csv")}."),
        };
        foreach (var (output, message) in cases)
        {
            var result = await CdrProcess.RunAsync(Work, ["export", .. Provider("voiso"), .. Range, "-o", output]);

            Assert.Contains(message, AssertOneLine(result, 2), StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists("/missing"));
        Assert.False(File.Exists("/proc/x.csv"));
        Assert.Empty(Directory.GetFileSystemEntries(Inputs));
        Assert.Empty(LeftBehind());
        Assert.Empty(Emulator.Requests.Snapshot());
    }

    [Fact]
    public async Task Config_files_that_are_missing_truncated_or_mistyped_are_one_line_naming_the_file_and_the_setting()
    {
        var truncated = await WriteInputAsync("truncated.json", "{ \"Cdr\": { \"Voiso\": { \"ApiKey\": \"k\" ");
        var wrongType = await WriteConfigAsync(new { Cdr = new { Resilience = new { MaxRetries = "five" } } });
        var misspelled = await WriteConfigAsync(new { Cdr = new { Voiso = new { ApiKy = "k" } } });
        var cases = new (string Config, string Message)[]
        {
            (Path.Combine(Inputs, "absent.json"), $"--config {Path.Combine(Inputs, "absent.json")} does not exist."),
            (truncated, $"--config {truncated} is not valid JSON ("),
            (wrongType, $"--config {wrongType}: Failed to convert configuration value 'five' at 'Cdr:Resilience:MaxRetries' to type 'System.Int32'."),
            (misspelled, $"--config {misspelled}: VoisoOptions has no setting 'ApiKy': check the spelling."),
            (Inputs, $"--config {Inputs} is a folder, not a JSON file."),
        };
        foreach (var (config, message) in cases)
        {
            var result = await CdrProcess.RunAsync(Work, ["export", .. Provider("voiso"), .. Range, "-o", "x.csv", "--config", config]);

            Assert.Contains(message, AssertOneLine(result, 2), StringComparison.Ordinal);
        }

        Assert.Empty(LeftBehind());
        Assert.Empty(Emulator.Requests.Snapshot());
    }

    [Fact]
    public async Task The_emulator_on_a_busy_port_says_which_port_in_one_line()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var api = await CdrProcess.RunAsync(Work, ["emulator", "--port", port, "--download-port", "0"]);
        var download = await CdrProcess.RunAsync(Work, ["emulator", "--port", "0", "--download-port", port]);

        Assert.Contains($"--port {port} cannot be used on 127.0.0.1:", AssertOneLine(api, 2), StringComparison.Ordinal);
        Assert.Contains("Choose another port, or 0 for a free one.", api.Error, StringComparison.Ordinal);
        Assert.Contains($"--download-port {port} cannot be used", AssertOneLine(download, 2), StringComparison.Ordinal);
        Assert.Empty(LeftBehind());
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace_after_the_line()
    {
        var result = await CdrProcess.RunAsync(Work, ["export", .. Provider("voiso"), .. Range, "-o", "/missing/dir/x.csv", "--verbose"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("cdr: error: --out /missing/dir/x.csv: the folder", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("CdrSdk.Tool.Export.ExportException", result.ErrorLines[1], StringComparison.Ordinal);
        Assert.Contains(result.ErrorLines, l => l.TrimStart().StartsWith("at CdrSdk.Tool.", StringComparison.Ordinal));
    }
}
