using System.Diagnostics.Metrics;

namespace CdrSdk.Tool.Export;

/// <summary>Counts the SDK's retries by listening to its <c>cdrsdk.retries</c> metric while an export runs.</summary>
internal sealed class RetryCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _retries;

    public RetryCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "CdrSdk" && instrument.Name == "cdrsdk.retries")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _retries, value));
        _listener.Start();
    }

    public long Retries => Interlocked.Read(ref _retries);

    public void Dispose() => _listener.Dispose();
}
