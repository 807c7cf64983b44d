using CdrSdk.Sync.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CdrSdk.Sync.Tests.Stores;

/// <summary>Passwords in connection strings and credentials never reach a log, a message, a status or a ToString().</summary>
public sealed class SecretTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;
    private readonly PostgresServer _postgres;

    public SecretTests(EmulatorFixture fixture, PostgresServer postgres)
    {
        _fixture = fixture;
        _postgres = postgres;
    }

    [Fact]
    public async Task A_sync_into_postgres_logs_and_shows_the_store_without_its_password()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = await _postgres.CreateDatabaseAsync();
        using var provider = new FakeLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        await using var client = _fixture.Client();
        await using var store = CdrSyncStore.Open("postgres:" + connection);
        using var engine = new CdrSyncEngine(store, loggerFactory: loggers);
        var result = await engine.RunAsync(
        [
            new CdrSyncSource
            {
                Name = "kazoo-secret",
                Records = client.Kazoo.AsCdrSource(EmulatorFixture.KazooAccount),
                Start = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
                End = new DateTimeOffset(2026, 10, 1, 6, 0, 0, TimeSpan.Zero),
            },
        ], cancellationToken: ct);

        Assert.True(result.Succeeded);
        var logs = provider.Collector.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(logs, l => l.Contains("into postgres:Host=127.0.0.1", StringComparison.Ordinal));
        Assert.All(logs, l => Assert.DoesNotContain(PostgresServer.Password, l, StringComparison.Ordinal));
        Assert.DoesNotContain(PostgresServer.Password, store.Location, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, store.ToString(), StringComparison.Ordinal);
        Assert.Contains("Username=postgres", store.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://cdr:s3cr3t-url@db.example.com:5433/cdr?sslmode=require", "postgres:Host=db.example.com;Port=5433;Database=cdr;Username=cdr")]
    [InlineData("postgres:Host=db;Username=cdr;Password=s3cr3t-kv;Database=cdr", "postgres:Host=db;Database=cdr;Username=cdr")]
    [InlineData("pg:Host=db;Password=s3cr3t-pg", "postgres:Host=db")]
    public void A_location_is_shown_without_its_password(string location, string shown)
    {
        var store = CdrSyncStore.Open(location);
        Assert.Equal(shown, store.Location.Replace(";Port=5432", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("s3cr3t", store.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Source_options_show_references_but_never_a_secret_value()
    {
        var options = new CdrSyncSourceOptions
        {
            Name = "v",
            Provider = "voiso",
            Credentials = new CdrSyncCredentialOptions { ApiKey = "sk-live-literal", Password = "env:VOISO_PASSWORD" },
        };

        Assert.Equal("v (voiso) Credentials { ApiKey = (set), AuthToken = (none), Password = env:VOISO_PASSWORD }", options.ToString());
    }
}
