namespace CdrSdk.Sync.Hosting;

/// <summary>What the hosted service's runs ended with, for its health check.</summary>
internal sealed class CdrSyncStatusTracker
{
    private volatile Snapshot _current = new(null, null, null, null);

    public Snapshot Current => _current;

    public void Started(TimeSpan interval) => _current = _current with { Interval = interval };

    public void Completed(CdrSyncRunResult result, DateTimeOffset at) => _current = _current with { LastResult = result, LastRunAt = at, LastError = null };

    public void Failed(string error, DateTimeOffset at) => _current = _current with { LastError = error, LastRunAt = at };

    /// <summary>One state of the service: its interval, its last run's result (or failure) and when it ended.</summary>
    internal sealed record Snapshot(TimeSpan? Interval, CdrSyncRunResult? LastResult, DateTimeOffset? LastRunAt, string? LastError);
}
