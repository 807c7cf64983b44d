using System.Diagnostics.Metrics;
using CdrSdk.Emulator;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Voiso;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CdrSdk.Tests.Core;

/// <summary>
/// Under DI the SDK's meter comes from the container's <see cref="IMeterFactory"/>: each container (each host,
/// each test) counts only its own requests, pages and records.
/// </summary>
public sealed class MeterFactoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-3);
    private CdrEmulator _emulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    [Fact]
    public async Task Each_container_counts_its_own_requests_pages_and_records_on_its_meter_factory()
    {
        await using var first = Container();
        await using var second = Container();
        var firstFactory = first.GetRequiredService<IMeterFactory>();
        using var firstRequests = new MetricCollector<long>(firstFactory, CdrTelemetry.Name, "cdrsdk.requests");
        using var firstRecords = new MetricCollector<long>(firstFactory, CdrTelemetry.Name, "cdrsdk.records");
        using var firstPages = new MetricCollector<long>(firstFactory, CdrTelemetry.Name, "cdrsdk.pages");
        using var secondRecords = new MetricCollector<long>(second.GetRequiredService<IMeterFactory>(), CdrTelemetry.Name, "cdrsdk.records");
        var query = new VoisoCdrQuery { StartedAt = VoisoTimeFilter.Between(Since, Since.AddHours(3)), Limit = 25 };

        var pages = 0;
        var records = 0;
        await foreach (var page in first.GetRequiredService<IVoisoClient>().Cdrs.ListAsync(query, Ct).AsPages())
        {
            pages++;
            records += page.Values.Count;
        }

        Assert.True(records > 50, $"only {records} records");
        Assert.Equal(records, firstRecords.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(pages, firstPages.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(pages, firstRequests.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.All(firstRequests.GetMeasurementSnapshot(), m => Assert.Equal("voiso", m.Tags["cdrsdk.provider"]));
        Assert.Empty(secondRecords.GetMeasurementSnapshot());
    }

    private ServiceProvider Container()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddCdrClient(o =>
        {
            o.Voiso.BaseAddress = _emulator.VoisoBaseAddress;
            o.Voiso.ApiKey = _emulator.Options.VoisoApiKey;
            o.Resilience = TestClients.FastResilience();
            o.Paging.PrefetchPages = 0;
        });
        return services.BuildServiceProvider();
    }
}
