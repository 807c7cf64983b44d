using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CdrSdk.Sync.Hosting;

/// <summary>Reports the hosted sync's health from its last run (see <c>AddCdrSyncCheck</c>).</summary>
internal sealed class CdrSyncHealthCheck : IHealthCheck
{
    private readonly CdrSyncStatusTracker _tracker;
    private readonly TimeProvider _time;

    public CdrSyncHealthCheck(CdrSyncStatusTracker tracker, TimeProvider? time = null)
    {
        _tracker = tracker;
        _time = time ?? TimeProvider.System;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var snapshot = _tracker.Current;
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        if (snapshot.LastResult is { } result)
        {
            foreach (var source in result.Sources)
            {
                data[source.Source] = $"{Records.RecordWords.Of(source.Outcome)}; watermark {source.Watermark?.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
            }
        }

        var interval = snapshot.Interval ?? TimeSpan.FromMinutes(5);
        HealthCheckResult health;
        if (snapshot.LastRunAt is not { } at)
        {
            health = HealthCheckResult.Degraded("No sync run has ended yet.", data: data);
        }
        else if (now - at > 3 * interval)
        {
            health = HealthCheckResult.Unhealthy($"No sync run has ended for {now - at:g} (the interval is {interval:g}).", data: data);
        }
        else if (snapshot.LastError is { } error)
        {
            health = HealthCheckResult.Unhealthy("The last sync run failed: " + error, data: data);
        }
        else
        {
            var failed = snapshot.LastResult!.Sources.Where(s => s.Outcome is CdrSyncOutcome.Failed or CdrSyncOutcome.Cancelled).Select(s => s.Source).ToList();
            health = failed.Count == 0 ? HealthCheckResult.Healthy($"{snapshot.LastResult.Sources.Count} source(s) synced.", data)
                : failed.Count == snapshot.LastResult.Sources.Count ? HealthCheckResult.Unhealthy("Every source failed: " + string.Join(", ", failed), data: data)
                : HealthCheckResult.Degraded("Some sources failed: " + string.Join(", ", failed), data: data);
        }

        return Task.FromResult(health);
    }
}
