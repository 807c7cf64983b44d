using CdrSdk.Sync.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CdrSdk.Sync.Tests.Hosting;

/// <summary><c>services.AddCdrSync(...)</c> in a real host: options checked at start, runs, health, metrics.</summary>
public sealed class HostedSyncTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public HostedSyncTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task The_hosted_service_syncs_the_configured_sources_reports_health_and_emits_metrics()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var emulator = _fixture.Emulator;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CdrSync:Store"] = "duckdb:" + folder.File("cdr.duckdb"),
            ["CdrSync:Interval"] = "00:10:00",
            ["CdrSync:Sources:0:Name"] = "kazoo-hosted",
            ["CdrSync:Sources:0:Provider"] = "kazoo",
            ["CdrSync:Sources:0:BaseAddress"] = emulator.KazooBaseAddress.ToString(),
            ["CdrSync:Sources:0:AccountId"] = EmulatorFixture.KazooAccount,
            ["CdrSync:Sources:0:Credentials:AuthToken"] = "secret:kazoo-token",
            ["CdrSync:Sources:0:Start"] = "2026-10-01T00:00:00Z",
            ["CdrSync:Sources:0:End"] = "2026-10-02T00:00:00Z",
            ["kazoo-token"] = emulator.Options.KazooStaticToken,
        });
        builder.Services.AddCdrSync(builder.Configuration.GetSection("CdrSync"));
        builder.Services.AddHealthChecks().AddCdrSyncCheck();
        using var host = builder.Build();
        using var records = new MetricCollector<long>(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "CdrSdk", "cdrsdk.sync.records");
        var health = host.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync(ct)).Status);

        await host.StartAsync(ct);
        HealthReport report;
        do
        {
            await Task.Delay(100, ct);
            report = await health.CheckHealthAsync(ct);
        }
        while (report.Status == HealthStatus.Degraded && report.Entries["cdr-sync"].Description == "No sync run has ended yet.");

        await host.StopAsync(ct);
        var entry = report.Entries["cdr-sync"];
        Assert.True(report.Status == HealthStatus.Healthy, entry.Description);
        Assert.Equal("succeeded; watermark 2026-10-02T00:00:00.0000000Z", entry.Data["kazoo-hosted"]);
        await using var client = _fixture.Client();
        var expected = await client.Kazoo.AsCdrSource(EmulatorFixture.KazooAccount)
            .ListAsync(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero), ct).CountAsync(ct);
        Assert.Equal(expected, StoreRows.DuckDb(folder.File("cdr.duckdb")).Count);
        var inserted = records.GetMeasurementSnapshot().Where(m => m.Tags["cdrsdk.sync.change"] is "inserted" && m.Tags["cdrsdk.sync.source"] is "kazoo-hosted").Sum(m => m.Value);
        Assert.Equal(expected, inserted);
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_at_start_naming_each_problem()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCdrSync(o =>
        {
            o.Store = "oracle:db";
            o.Interval = TimeSpan.Zero;
            o.MaxConcurrency = 0;
            o.BatchSize = 0;
            o.Sources.Add(new CdrSyncSourceOptions { Provider = "twilio" });
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(error.Failures, f => f.Contains("Store: The store has an unknown scheme ('oracle')", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Interval must be at least 1 second", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxConcurrency must be from 1 to 64, but was 0.", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("BatchSize must be from 1 to 10,000,000, but was 0.", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Sources:0: Provider 'twilio' is not a provider", StringComparison.Ordinal));
    }
}
