using System.Diagnostics.Metrics;

namespace CdrSdk;

/// <summary>
/// The SDK's instruments, on one <see cref="Meter"/> named <c>CdrSdk</c>: created from the container's
/// <see cref="IMeterFactory"/> when it has one (so each host, and each test's container, has its own meter), or
/// from the one process-wide meter otherwise (<c>new CdrClient(options)</c> without DI).
/// </summary>
internal sealed class CdrMetrics
{
    /// <summary>The process-wide instruments, for clients built without a meter factory.</summary>
    public static readonly CdrMetrics Shared = new(new Meter(CdrTelemetry.Name, CdrTelemetry.Version));

    public CdrMetrics(Meter meter)
    {
        Requests = meter.CreateCounter<long>("cdrsdk.requests", "{request}", "HTTP requests sent to providers (each attempt counts).");
        RequestDuration = meter.CreateHistogram<double>("cdrsdk.request.duration", "s", "Time until the response headers of one attempt arrived.");
        Retries = meter.CreateCounter<long>("cdrsdk.retries", "{retry}", "Retries made by the resilience pipeline.");
        Pages = meter.CreateCounter<long>("cdrsdk.pages", "{page}", "Pages delivered by paginators.");
        Records = meter.CreateCounter<long>("cdrsdk.records", "{record}", "Records delivered by paginators and row readers.");
    }

    public Counter<long> Requests { get; }

    public Histogram<double> RequestDuration { get; }

    public Counter<long> Retries { get; }

    public Counter<long> Pages { get; }

    public Counter<long> Records { get; }

    /// <summary>The instruments of a container: from its meter factory when it has one, else the shared ones.</summary>
    public static CdrMetrics For(IMeterFactory? factory) =>
        factory is null ? Shared : new CdrMetrics(factory.Create(new MeterOptions(CdrTelemetry.Name) { Version = CdrTelemetry.Version }));
}
