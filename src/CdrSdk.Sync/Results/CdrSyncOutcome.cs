namespace CdrSdk.Sync;

/// <summary>How the sync of one source ended.</summary>
public enum CdrSyncOutcome
{
    /// <summary>Every window up to the end of the range was committed.</summary>
    Succeeded = 0,

    /// <summary>The provider or the store failed; every window committed before the failure stays, the next run continues after it.</summary>
    Failed = 1,

    /// <summary>Cancelled (Ctrl+C, host shutdown); every window committed before stays.</summary>
    Cancelled = 2,

    /// <summary>Another worker held the source's lease and synced it (or still does).</summary>
    Skipped = 3,

    /// <summary>The source is being synced now (status only), or its worker died before it recorded an end.</summary>
    Running = 4,
}
