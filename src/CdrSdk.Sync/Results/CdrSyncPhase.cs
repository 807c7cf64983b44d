namespace CdrSdk.Sync;

/// <summary>Where the sync of one source is, in <see cref="CdrSyncProgress"/>.</summary>
public enum CdrSyncPhase
{
    /// <summary>Waiting for a free slot (the run's or the provider's concurrency limit) or for another worker's lease.</summary>
    Waiting = 0,

    /// <summary>Reading a window's records from the provider.</summary>
    Reading = 1,

    /// <summary>Committing records and the source's state to the store.</summary>
    Committing = 2,

    /// <summary>Done: every window committed.</summary>
    Completed = 3,

    /// <summary>Stopped by a failure.</summary>
    Failed = 4,

    /// <summary>Another worker holds the source.</summary>
    Skipped = 5,

    /// <summary>Stopped by cancellation.</summary>
    Cancelled = 6,
}
