using System.Diagnostics.Metrics;

namespace CdrSdk.Sync.Telemetry;

/// <summary>
/// Counts the SDK's retries (<c>cdrsdk.retries</c>) per source: the measurement is taken in the async flow of the
/// request, which carries the source that made it (an <see cref="AsyncLocal{T}"/> set by the source's run).
/// </summary>
internal sealed class SourceRetries : IDisposable
{
    private static readonly AsyncLocal<Counter?> CurrentCounter = new();
    private readonly MeterListener _listener = new();

    public SourceRetries()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CdrTelemetry.Name && instrument.Name == "cdrsdk.retries")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => CurrentCounter.Value?.Add(value));
        _listener.Start();
    }

    /// <summary>Makes the calling flow's retries count on a new counter, and returns it.</summary>
    public static Counter Track()
    {
        var counter = new Counter();
        CurrentCounter.Value = counter;
        return counter;
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>One source's retries.</summary>
    internal sealed class Counter
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public void Add(long value) => Interlocked.Add(ref _value, value);
    }
}
