using System.Collections.Concurrent;

namespace CdrSdk.Emulator;

/// <summary>The requests an emulator received, newest last (at most the last 20,000).</summary>
public sealed class EmulatorRequestLog
{
    private const int Capacity = 20_000;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    /// <summary>A snapshot of the recorded requests, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Snapshot() => _requests.ToArray();

    /// <summary>Forgets every recorded request.</summary>
    public void Clear() => _requests.Clear();

    internal void Add(RecordedRequest request)
    {
        _requests.Enqueue(request);
        while (_requests.Count > Capacity && _requests.TryDequeue(out _))
        {
        }
    }
}
