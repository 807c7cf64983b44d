namespace CdrSdk.Sync;

/// <summary>How one run over every source went.</summary>
public sealed record CdrSyncRunResult
{
    /// <summary>Each source's result, in the order the sources were given.</summary>
    public required IReadOnlyList<CdrSyncSourceResult> Sources { get; init; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Every source's counts added up.</summary>
    public CdrSyncCounts Counts => Sources.Aggregate(default(CdrSyncCounts), (sum, s) => sum + s.Counts);

    /// <summary><see langword="true"/> when no source failed or was cancelled.</summary>
    public bool Succeeded => Sources.All(s => s.Outcome is CdrSyncOutcome.Succeeded or CdrSyncOutcome.Skipped);
}
