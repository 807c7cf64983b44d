using System.Globalization;
using System.Text.Json;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Tool;

/// <summary><c>cdr export</c> end to end: the built-in emulator, a configured provider, formats, resume, and bad input.</summary>
public sealed class CliExportTests : IAsyncLifetime
{
    private static readonly string Since = TestTime.UtcDay(-4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string Until = TestTime.UtcDay(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cdrsdk-cli-" + Guid.NewGuid().ToString("N"));
    private CdrEmulator _emulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _emulator = await TestClients.StartEmulatorAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Without_credentials_the_built_in_emulator_is_exported_to_csv()
    {
        var output = Path.Combine(_dir, "kazoo.csv");

        var run = await CliRun.RunAsync(["export", "--provider", "kazoo", "--from", Since, "--to", Until, "--out", output, "--page-size", "200"], cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("from the embedded emulator", run.Error, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(output, Ct);
        Assert.Equal("provider,id,kind,direction,from,to,started_at,answered_at,ended_at,duration_seconds,billable_seconds,outcome,raw_outcome,cost,currency", lines[0]);
        var data = new KazooDataSet(new EmulatorDataSet(42, 40, 60));
        var from = KazooDataSet.Gregorian(TestTime.UtcDay(-4));
        var expected = data.Legs(KazooDataSet.AccountIds[0], null, from, KazooDataSet.Gregorian(TestTime.UtcDay(-2)) - 1, ascending: true).ToList();
        Assert.Equal(expected.Select(l => l.CdrId), lines.Skip(1).Select(l => l.Split(',')[1]));
        Assert.Contains($"Exported {expected.Count:N0} records", run.Error, StringComparison.Ordinal);
        var first = lines[1].Split(',');
        Assert.Equal(("kazoo", "call"), (first[0], first[2]));
        Assert.Equal("\"'" + expected[0].CallerIdNumber + "\"", first[4]);
        Assert.False(File.Exists(output + ".cdr-state.json"));
    }

    [Fact]
    public async Task Jsonl_output_has_one_object_per_record_with_typed_values()
    {
        var output = Path.Combine(_dir, "calls.jsonl");

        var run = await CliRun.RunAsync(["export", "-p", "telnyx", "--from", Since, "--to", Until, "-o", output, "-q"], cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        var lines = await File.ReadAllLinesAsync(output, Ct);
        var expected = new EmulatorDataSet(42, 40, 60).Calls(TestTime.UtcDay(-4), TestTime.UtcDay(-2)).ToList();
        Assert.Equal(expected.Count, lines.Length);
        for (var i = 0; i < lines.Length; i += 97)
        {
            using var json = JsonDocument.Parse(lines[i]);
            var root = json.RootElement;
            Assert.Equal(expected[i].Id, root.GetProperty("id").GetString());
            Assert.Equal("telnyx", root.GetProperty("provider").GetString());
            Assert.Equal(expected[i].From, root.GetProperty("from").GetString());
            Assert.Equal(expected[i].DurationSeconds, root.GetProperty("duration_seconds").GetDouble());
            Assert.Equal(expected[i].Cost, root.GetProperty("cost").GetDecimal());
            Assert.Equal(expected[i].Disposition == "no_answer" ? "no_answer" : expected[i].Disposition, root.GetProperty("outcome").GetString());
            Assert.Equal(expected[i].StartedAt, root.GetProperty("started_at").GetDateTimeOffset());
            Assert.Equal(expected[i].AnsweredAt is null ? JsonValueKind.Null : JsonValueKind.String, root.GetProperty("answered_at").ValueKind);
        }
    }

    [Fact]
    public async Task An_export_that_fails_midway_resumes_into_a_file_identical_to_an_uninterrupted_one()
    {
        var config = await WriteConfigAsync(new { Resilience = new { MaxRetries = 0 } });
        var whole = Path.Combine(_dir, "whole.csv");
        var broken = Path.Combine(_dir, "broken.csv");
        string[] Args(string output) =>
            ["export", "-p", "voiso", "--from", Since, "--to", Until, "-o", output, "--page-size", "40", "-q", "--config", config,
             "--base-url", _emulator.VoisoBaseAddress.AbsoluteUri, "--api-key", _emulator.Options.VoisoApiKey];

        Assert.Equal(0, (await CliRun.RunAsync(Args(whole), cancellationToken: Ct)).ExitCode);
        _emulator.Faults.Add(new FaultRule { PathPrefix = "/api/v4/reporting/cdrs", StatusCode = 500, After = 5, Times = 100 });
        var failed = await CliRun.RunAsync(Args(broken), cancellationToken: Ct);
        _emulator.Faults.Clear();

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("--resume", failed.Error, StringComparison.Ordinal);
        Assert.Equal(5 * 40, CountRecords(broken));
        var resumed = await CliRun.RunAsync([.. Args(broken), "--resume"], cancellationToken: Ct);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(whole, Ct), await File.ReadAllBytesAsync(broken, Ct));
        Assert.False(File.Exists(broken + ".cdr-state.json"));
    }

    [Fact]
    public async Task An_export_cancelled_between_pages_resumes_into_an_identical_file()
    {
        var whole = Path.Combine(_dir, "whole.csv");
        var stopped = Path.Combine(_dir, "stopped.csv");
        string[] Args(string output) =>
            ["export", "-p", "voiso", "--from", Since, "--to", Until, "-o", output, "--page-size", "20", "-q",
             "--base-url", _emulator.VoisoBaseAddress.AbsoluteUri, "--api-key", _emulator.Options.VoisoApiKey];
        Assert.Equal(0, (await CliRun.RunAsync(Args(whole), cancellationToken: Ct)).ExitCode);
        _emulator.Faults.Add(new FaultRule { Kind = FaultKind.Latency, Latency = TimeSpan.FromMilliseconds(40), PathPrefix = "/api/v4", Times = 10_000 });

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = CliRun.RunAsync(Args(stopped), cancellationToken: cancel.Token);
        await ExportStateProbe.WaitForAsync(() => ExportStateProbe.PagesSaved(stopped) >= 3);
        await cancel.CancelAsync();
        var cancelled = await running;
        _emulator.Faults.Clear();

        Assert.Equal(130, cancelled.ExitCode);
        Assert.Contains("--resume", cancelled.Error, StringComparison.Ordinal);
        Assert.Equal(ExportStateProbe.PagesSaved(stopped) * 20, CountRecords(stopped));
        var resumed = await CliRun.RunAsync([.. Args(stopped), "--resume"], cancellationToken: Ct);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(whole, Ct), await File.ReadAllBytesAsync(stopped, Ct));
    }

    [Fact]
    public async Task A_telnyx_export_cancelled_while_its_report_is_pending_resumes_the_same_report_after_the_emulator_restarts()
    {
        var state = Path.Combine(_dir, "emulator-state");
        var whole = Path.Combine(_dir, "whole.csv");
        var stopped = Path.Combine(_dir, "stopped.csv");
        string[] Args(string output) => ["export", "-p", "telnyx", "--from", Since, "--to", Until, "-o", output, "-q"];
        Assert.Equal(0, (await CliRun.RunAsync(Args(whole), emulatorState: state, cancellationToken: Ct)).ExitCode);

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = CliRun.RunAsync(Args(stopped), emulatorState: state, cancellationToken: cancel.Token);
        await ExportStateProbe.WaitForAsync(() => ExportStateProbe.PagesSaved(stopped) >= 1);
        await cancel.CancelAsync();
        var cancelled = await running;

        Assert.Equal(130, cancelled.ExitCode);
        Assert.Equal(0, CountRecords(stopped));
        Assert.Equal(2, Directory.GetFiles(state, "telnyx-*.json").Length);
        var resumed = await CliRun.RunAsync([.. Args(stopped), "--resume"], emulatorState: state, cancellationToken: Ct);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(2, Directory.GetFiles(state, "telnyx-*.json").Length);
        Assert.Equal(await File.ReadAllBytesAsync(whole, Ct), await File.ReadAllBytesAsync(stopped, Ct));
    }

    [Fact]
    public async Task Resuming_with_other_arguments_or_nothing_to_resume_is_refused_and_a_leftover_state_is_not_overwritten()
    {
        var output = Path.Combine(_dir, "x.csv");
        var config = await WriteConfigAsync(new { Resilience = new { MaxRetries = 0 } });
        string[] Args(string until) => ["export", "-p", "tsg", "--from", Since, "--to", until, "-o", output, "-q", "--page-size", "30", "--config", config,
            "--base-url", _emulator.TsgBaseAddress.AbsoluteUri, "--api-key", _emulator.Options.TsgStaticToken!];

        var nothing = await CliRun.RunAsync([.. Args(Until), "--resume"], cancellationToken: Ct);
        _emulator.Faults.Add(new FaultRule { PathPrefix = "/graphql", StatusCode = 503, After = 2, Times = 100 });
        var failed = await CliRun.RunAsync(Args(Until), cancellationToken: Ct);
        _emulator.Faults.Clear();
        var other = await CliRun.RunAsync([.. Args(TestTime.UtcDay(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "--resume"], cancellationToken: Ct);
        var fresh = await CliRun.RunAsync(Args(Until), cancellationToken: Ct);
        File.WriteAllText(output, "tampered");
        var shortened = await CliRun.RunAsync([.. Args(Until), "--resume"], cancellationToken: Ct);

        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("no interrupted export of x.csv to resume", nothing.Error, StringComparison.Ordinal);
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("belongs to another export", other.Error, StringComparison.Ordinal);
        Assert.Contains("to=" + TestTime.UtcDay(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), other.Error, StringComparison.Ordinal);
        Assert.Equal(2, fresh.ExitCode);
        Assert.Contains("add --resume to continue it", fresh.Error, StringComparison.Ordinal);
        Assert.Equal(2, shortened.ExitCode);
        Assert.Contains("is shorter", shortened.Error, StringComparison.Ordinal);
    }

    // (Every error class also runs through the built tool as a process: CliUsageErrorTests.)
    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["export", "-p", "telnyx", "--from", "2026-10-02", "--to", "2026-10-01"], "--from must be before --to" },
        { ["export", "-p", "telnyx", "--from", "2026-10-01", "--to", "2026-10-02", "--base-url", "ftp://x"], "--base-url must be an absolute http or https address" },
        { ["export", "-p", "kazoo", "--from", "2026-10-01", "--to", "2026-10-02", "--type", "call"], "--type is not used by kazoo" },
        { ["export", "-p", "voiso", "--from", "2026-10-01", "--to", "2026-10-02", "--api-key", "k"], "Voiso.ClusterId" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Bad_arguments_are_explained_before_anything_is_sent_or_written(string[] args, string message)
    {
        var output = Path.Combine(_dir, "never.csv");

        var run = await CliRun.RunAsync([.. args, "-o", output], cancellationToken: Ct);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(output));
        Assert.Empty(_emulator.Requests.Snapshot());
    }

    [Fact]
    public async Task Credentials_come_from_config_then_environment_then_options_and_are_never_printed()
    {
        const string Secret = "sk-live-7c1b0d5e9f2a4b6c8d0e";
        var good = await WriteConfigAsync(new { Cdr = new { Tsg = new { Password = _emulator.Options.TsgPassword }, Resilience = new { MaxRetries = 0 } } });
        var wrong = await WriteConfigAsync(new { Tsg = new { Password = Secret + "-config" }, Resilience = new { MaxRetries = 0 } });
        var environment = new Dictionary<string, string> { ["TSG_EMAIL"] = _emulator.Options.TsgEmail, ["TELNYX_API_KEY"] = Secret + "-env" };
        string[] Tsg(string config, string output) =>
            ["export", "-p", "tsg", "--from", Since, "--to", Until, "-o", Path.Combine(_dir, output), "-q", "--config", config, "--base-url", _emulator.TsgBaseAddress.AbsoluteUri];

        var merged = await CliRun.RunAsync(Tsg(good, "ok.csv"), environment, cancellationToken: Ct);
        var rejected = await CliRun.RunAsync(Tsg(wrong, "t.csv"), environment, cancellationToken: Ct);
        var overridden = await CliRun.RunAsync([.. Tsg(wrong, "o.csv"), "--password", _emulator.Options.TsgPassword], environment, cancellationToken: Ct);
        var telnyx = await CliRun.RunAsync(["export", "-p", "telnyx", "--from", Since, "--to", Until, "-o", Path.Combine(_dir, "n.csv"), "--config", wrong,
            "--base-url", "http://127.0.0.1:9/", "--api-user", "me@example.com"], environment, cancellationToken: Ct);
        var voiso = await CliRun.RunAsync(["export", "-p", "voiso", "--from", Since, "--to", Until, "-o", Path.Combine(_dir, "v.csv"), "--config", wrong,
            "--base-url", _emulator.VoisoBaseAddress.AbsoluteUri, "--api-key", Secret], environment, cancellationToken: Ct);

        Assert.Equal(0, merged.ExitCode);
        Assert.Equal(0, overridden.ExitCode);
        Assert.Equal(2, _emulator.TsgLogins);
        Assert.Equal(3, rejected.ExitCode);
        Assert.Contains("Invalid email or password", rejected.Error, StringComparison.Ordinal);
        Assert.Equal(1, telnyx.ExitCode);
        Assert.Contains("Connection refused", telnyx.Error, StringComparison.Ordinal);
        Assert.Equal(3, voiso.ExitCode);
        Assert.Contains("401", voiso.Error, StringComparison.Ordinal);
        foreach (var output in new[] { rejected.Error, telnyx.Error, voiso.Error })
        {
            Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
        }
    }

    private static long CountRecords(string csv) => File.ReadLines(csv).LongCount() - 1;

    private async Task<string> WriteConfigAsync(object content)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(content), Ct);
        return path;
    }
}
