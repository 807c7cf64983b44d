using CdrSdk.Emulator;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CdrSdk.Tests.Core;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddCdrClient_from_configuration_resolves_every_interface_and_works_end_to_end()
    {
        await using var emulator = await TestClients.StartEmulatorAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cdr:Telnyx:ApiKey"] = emulator.Options.TelnyxApiKey,
            ["Cdr:Telnyx:ApiVersion"] = "V2",
            ["Cdr:Telnyx:BaseAddress"] = emulator.TelnyxV2BaseAddress.AbsoluteUri,
            ["Cdr:Telnyx:Polling:InitialInterval"] = "00:00:00.050",
            ["Cdr:Resilience:MaxRetries"] = "5",
            ["Cdr:Resilience:BaseDelay"] = "00:00:00.010",
        }).Build();
        var services = new ServiceCollection();
        services.AddCdrClient(configuration.GetSection("Cdr"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var client = provider.GetRequiredService<ICdrClient>();
        var telnyx = provider.GetRequiredService<ITelnyxClient>();
        var options = provider.GetRequiredService<IOptions<CdrClientOptions>>().Value;

        Assert.Same(client.Telnyx, telnyx);
        Assert.Equal(TelnyxApiVersion.V2, telnyx.ApiVersion);
        Assert.Equal(5, options.Resilience.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.Telnyx.Polling.InitialInterval);

        emulator.Faults.Add(new FaultRule { Method = "POST", StatusCode = 429, RetryAfterSeconds = 0 });
        emulator.Faults.Add(new FaultRule { Method = "GET", StatusCode = 503 });
        var operation = await telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = DateTimeOffset.UtcNow.AddHours(-4), EndTime = DateTimeOffset.UtcNow.AddHours(-1) }, TestContext.Current.CancellationToken);
        var report = await operation.WaitForCompletionAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ReportStatus.Complete, report.Status);
        var rows = 0;
        await foreach (var row in operation.ReadRowsAsync(TestContext.Current.CancellationToken))
        {
            Assert.NotNull(row.Id);
            rows++;
        }

        Assert.True(rows > 0);
        // The HTTP clients come from IHttpClientFactory with the SDK's resilience and credential handlers.
        Assert.Equal([429, 200], emulator.Requests.Snapshot().Where(r => r.Method == "POST").Select(r => r.StatusCode));
        Assert.Equal(503, emulator.Requests.Snapshot().First(r => r.Method == "GET").StatusCode);
        Assert.All(emulator.Requests.Snapshot().Where(r => r.Origin == "api"), r => Assert.Equal("Bearer " + emulator.Options.TelnyxApiKey, r.Headers["authorization"]));
        Assert.DoesNotContain("authorization", emulator.Requests.Snapshot().Single(r => r.Origin == "download").Headers.Keys);
    }

    [Fact]
    public async Task AddCdrClient_resolves_the_kazoo_client_with_one_shared_token_cache()
    {
        await using var emulator = await TestClients.StartEmulatorAsync();
        var services = new ServiceCollection();
        services.AddCdrClient(o =>
        {
            o.Kazoo.BaseAddress = emulator.KazooBaseAddress;
            o.Kazoo.ApiKey = emulator.Options.KazooApiKey;
        });
        await using var provider = services.BuildServiceProvider();
        var kazoo = provider.GetRequiredService<CdrSdk.Kazoo.IKazooClient>();
        var query = new CdrSdk.Kazoo.KazooCdrQuery { From = TestTime.UtcDay(-1), To = TestTime.UtcDay(-1).AddHours(2), PageSize = 3 };

        // Each call gets a new HttpClient (and possibly a new handler chain) from the factory: still one login.
        for (var i = 0; i < 3; i++)
        {
            var page = await kazoo.Cdrs.ListAsync(CdrSdk.Emulator.Kazoo.KazooDataSet.AccountIds[0], query, TestContext.Current.CancellationToken).AsPages().FirstAsync(TestContext.Current.CancellationToken);
            Assert.Equal(3, page.Values.Count);
        }

        Assert.Equal(1, emulator.KazooLogins);
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ITelnyxClient>());
    }

    [Fact]
    public void AddCdrClient_in_code_resolves_the_provider_interfaces()
    {
        var services = new ServiceCollection();
        services.AddCdrClient(o =>
        {
            o.Telnyx.ApiKey = "KEY-test-1234";
            o.Telnyx.ApiUser = "me@example.com";
        });
        using var provider = services.BuildServiceProvider();

        var telnyx = provider.GetRequiredService<ITelnyxClient>();

        Assert.Equal(TelnyxApiVersion.V1, telnyx.ApiVersion);
        Assert.NotNull(telnyx.CdrReports);
        Assert.NotNull(telnyx.MdrReports);
        Assert.Same(provider.GetRequiredService<ICdrClient>(), provider.GetRequiredService<ICdrClient>());
    }

    [Fact]
    public async Task A_missing_key_fails_fast_when_the_host_starts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCdrClient(o => o.Telnyx.BaseAddress = new Uri("https://telnyx.example"));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("CdrClientOptions.Telnyx.ApiKey: is required when any other Telnyx setting is set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolving_the_client_with_no_provider_configured_fails_with_the_rule()
    {
        var services = new ServiceCollection();
        services.AddCdrClient(_ => { });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ICdrClient>());

        Assert.Contains("no provider is configured", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_resilience_settings_are_reported_by_option_path()
    {
        var services = new ServiceCollection();
        services.AddCdrClient(o =>
        {
            o.Telnyx.ApiKey = "KEY-test-1234";
            o.Resilience.MaxRetries = 11;
            o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(5);
            o.Resilience.TotalTimeout = TimeSpan.FromMinutes(1);
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CdrClientOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.StartsWith("CdrClientOptions.Resilience.MaxRetries: must be between 0 and 10, but was 11", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("CdrClientOptions.Resilience.TotalTimeout:", StringComparison.Ordinal));
    }
}
