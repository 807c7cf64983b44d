using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CdrSdk.Sync.Telemetry;

/// <summary>
/// The sync's activities and instruments, on the SDK's activity source and meter name (<c>CdrSdk</c>), so one
/// <c>AddSource("CdrSdk")</c> / <c>AddMeter("CdrSdk")</c> collects HTTP and sync telemetry together. Tags carry the
/// source name and provider, never a credential.
/// </summary>
internal sealed class SyncTelemetry : IDisposable
{
    public static readonly ActivitySource ActivitySource = new(CdrTelemetry.Name, CdrTelemetry.Version);

    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public SyncTelemetry(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(new MeterOptions(CdrTelemetry.Name) { Version = CdrTelemetry.Version }) ?? new Meter(CdrTelemetry.Name, CdrTelemetry.Version);
        Records = _meter.CreateCounter<long>("cdrsdk.sync.records", "{record}", "Records committed by sync, tagged with what the upsert did (cdrsdk.sync.change: inserted, updated, unchanged).");
        Windows = _meter.CreateCounter<long>("cdrsdk.sync.windows", "{window}", "Windows fully committed.");
        Commits = _meter.CreateHistogram<double>("cdrsdk.sync.commit.duration", "s", "Time of one commit (upsert and state, one transaction).");
        Runs = _meter.CreateCounter<long>("cdrsdk.sync.runs", "{run}", "Source runs ended, tagged with cdrsdk.sync.outcome.");
        Lag = _meter.CreateHistogram<double>("cdrsdk.sync.lag", "s", "How far a source's watermark is behind now at the end of its run.");
    }

    public Counter<long> Records { get; }

    public Counter<long> Windows { get; }

    public Histogram<double> Commits { get; }

    public Counter<long> Runs { get; }

    public Histogram<double> Lag { get; }

    public static KeyValuePair<string, object?> SourceTag(string source) => new("cdrsdk.sync.source", source);

    public static KeyValuePair<string, object?> ProviderTag(CdrProvider provider) => new("cdrsdk.provider", CdrSdk.Sync.Records.RecordWords.Of(provider));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
