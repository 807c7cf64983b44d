using CdrSdk.Sync.Tests.Infrastructure;

namespace CdrSdk.Sync.Tests.Tool;

/// <summary>Bad input ends with one clear line on stderr and exit code 2, before anything is written.</summary>
public sealed class CliBadInputTests
{
    private readonly PostgresServer _postgres;

    public CliBadInputTests(PostgresServer postgres)
    {
        _postgres = postgres;
    }

    [Theory]
    [InlineData("mysql://root:hunter2@db/cdr", "unknown scheme ('mysql')")]
    [InlineData("sqlite:cdr.db", "unknown scheme ('sqlite')")]
    [InlineData("cdr.duckdb", "unknown scheme (none)")]
    [InlineData("duckdb:", "duckdb:PATH needs the database file")]
    [InlineData("postgres:Host=localhost;Bogus=1;Password=hunter2", "connection string is not valid")]
    public async Task An_unknown_or_malformed_store_is_refused_without_echoing_it(string store, string expected)
    {
        var run = await SyncCli.RunAsync(["sync", "--store", store, "--provider", "kazoo", "--from", "2026-10-01", "--to", "2026-10-02"],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(expected, run.AssertOneErrorLine(2), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_named_without_its_password()
    {
        var port = FreePort();
        var run = await SyncCli.RunAsync(
            ["sync", "--store", $"postgres:Host=127.0.0.1;Port={port};Username=cdr;Password=hunter2-secret;Database=cdr;Timeout=3", "--provider", "kazoo",
                "--from", "2026-10-01", "--to", "2026-10-02"],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, run.ExitCode);
        run.AssertOneErrorLine(2);
        Assert.Contains($"cdr: error: Cannot reach the PostgreSQL store postgres:Host=127.0.0.1;Port={port};Database=cdr;Username=cdr", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_by_the_server_and_never_printed()
    {
        var connection = await _postgres.CreateDatabaseAsync();
        var wrong = connection.Replace(PostgresServer.Password, "not-the-password-42", StringComparison.Ordinal);
        var run = await SyncCli.RunAsync(["sync", "--store", "postgres:" + wrong, "--provider", "kazoo", "--from", "2026-10-01", "--to", "2026-10-02"],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("password authentication failed", run.AssertOneErrorLine(2), StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-42", run.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "CdrSync": { "Sources": [ { "Provider": "twilio" } ] } }""", "Sources:0: Provider 'twilio' is not a provider this sync knows: use telnyx, voiso, tsg or kazoo.")]
    [InlineData("""{ "CdrSync": { "Sources": [ { "Name": "v", "Provider": "voiso", "Cluster": "acme" } ] } }""", "Sources:0 ('v'): voiso needs Credentials:ApiKey")]
    [InlineData("""{ "CdrSync": { "Sources": [ { "Provider": "voiso", "Cluster": "acme", "Credentials": { "ApiKey": "env:CDR_TEST_UNSET_KEY" } } ] } }""",
        "Sources:0: Credentials:ApiKey refers to the environment variable CDR_TEST_UNSET_KEY, which is not set.")]
    [InlineData("""{ "CdrSync": { "Sources": [ { "Provider": "voiso", "Cluster": "acme", "Credentials": { "ApiKey": "sk-live-123456" } } ] } }""",
        "Sources:0: Credentials:ApiKey holds a secret itself; give a reference instead")]
    [InlineData("""{ "CdrSync": { "Sources": [ { "Provider": "kazoo", "BaseAddress": "https://kazoo.example.com/v2", "Credentials": { "ApiKey": "env:HOME" } } ] } }""",
        "Sources:0: kazoo needs AccountId")]
    [InlineData("""{ "CdrSync": { "Sources": [ { "Provider": "tsg", "Queues": [ "1" ], "Credentials": { "ApiKey": "env:HOME" } } ] } }""",
        "Sources:0: Queues, Types and Cluster apply to voiso sources only, not to tsg.")]
    [InlineData("""{ "CdrSync": { "Sources": [ { "Name": "a b", "Provider": "tsg", "Credentials": { "ApiKey": "env:HOME" } } ] } }""",
        "source name 'a b' must be 1 to 100 letters")]
    public async Task A_bad_configuration_is_refused_before_the_store_is_created(string json, string expected)
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("sync.json"), json, TestContext.Current.CancellationToken);
        var store = folder.File("cdr.duckdb");
        var run = await SyncCli.RunAsync(["sync", "--store", "duckdb:" + store, "--config", folder.File("sync.json")],
            environment: new Dictionary<string, string> { ["HOME"] = "/root" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(expected, run.AssertOneErrorLine(2), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-live-123456", run.All, StringComparison.Ordinal);
        Assert.False(File.Exists(store), "the store was created");
    }

    [Theory]
    [InlineData(new[] { "--provider", "kazoo", "--queue", "7" }, "--queue applies to voiso only, not to kazoo.")]
    [InlineData(new[] { "--provider", "kazoo", "--once", "--every", "5m" }, "--once and --every exclude each other")]
    [InlineData(new[] { "--provider", "kazoo", "--lookback", "soon" }, "--lookback must be a duration such as 90s, 5m, 2h, 1d or 00:05:00, but was 'soon'.")]
    [InlineData(new[] { "--provider", "kazoo", "--window", "7h" }, "WindowSize must divide 24 hours")]
    [InlineData(new[] { "--provider", "kazoo", "--from", "2026-10-02", "--to", "2026-10-01" }, "Start (2026-10-02T00:00:00.0000000Z) must be before End")]
    [InlineData(new string[0], "Give the source to sync: --provider")]
    [InlineData(new[] { "--provider", "kazoo", "--every", "0s" }, "--every must be at least 1s, but was 0s.")]
    [InlineData(new[] { "--provider", "kazoo", "--batch-size", "0" }, "--batch-size must be a whole number from 1 to 10000000, but was '0'.")]
    [InlineData(new[] { "--provider", "kazoo", "--resync", "--from", "2026-10-01" }, "--resync needs the range to read again: --from and --to.")]
    [InlineData(new[] { "--provider", "kazoo", "--resync", "--from", "2026-10-01", "--to", "2026-10-02", "--every", "5m" }, "--resync reads its range once")]
    [InlineData(new[] { "--provider", "fax" }, "--provider must be telnyx, voiso, tsg or kazoo, but was 'fax'.")]
    public async Task Bad_arguments_are_refused_before_the_store_is_created(string[] arguments, string expected)
    {
        using var folder = new TempFolder();
        var store = folder.File("cdr.duckdb");
        var run = await SyncCli.RunAsync(["sync", "--store", "duckdb:" + store, .. arguments], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(expected, run.AssertOneErrorLine(2), StringComparison.Ordinal);
        Assert.False(File.Exists(store), "the store was created");
    }

    [Fact]
    public async Task Source_options_beside_a_configuration_are_refused_naming_the_settings_to_use_instead()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("sync.json"), """{ "CdrSync": { "Sources": [ ] } }""", ct);
        var store = folder.File("cdr.duckdb");

        var lookback = await SyncCli.RunAsync(["sync", "--store", "duckdb:" + store, "--config", folder.File("sync.json"), "--lookback", "5m"], cancellationToken: ct);
        var range = await SyncCli.RunAsync(["sync", "--store", "duckdb:" + store, "--config", folder.File("sync.json"), "--from", "2026-10-01"], cancellationToken: ct);
        var typo = await SyncCli.RunAsync(["sync", "status", "--config", folder.File("missing.json")], cancellationToken: ct);

        Assert.Contains("with --config, set Name, Lookback, Settle and WindowSize per source", lookback.AssertOneErrorLine(2), StringComparison.Ordinal);
        Assert.Contains("with --config, set Start and End per source (or add --resync", range.AssertOneErrorLine(2), StringComparison.Ordinal);
        Assert.Contains("missing.json does not exist", typo.AssertOneErrorLine(2), StringComparison.Ordinal);
        Assert.False(File.Exists(store), "the store was created");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
