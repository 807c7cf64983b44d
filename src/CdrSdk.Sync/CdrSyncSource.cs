namespace CdrSdk.Sync;

/// <summary>
/// One source to keep in sync: a provider's records (an <see cref="ICdrSource"/> with its filters) under a
/// unique name, and the range rules. Each run reads [<c>watermark − Lookback</c>, <c>now − Settle</c>) (from
/// <see cref="Start"/> on the first run) in windows of <see cref="WindowSize"/> and upserts what it reads.
/// </summary>
public sealed class CdrSyncSource
{
    /// <summary>
    /// The source's name: the <c>source</c> column of its records and the key of its state. 1 to 100 letters,
    /// digits, <c>.</c>, <c>_</c> or <c>-</c>; unique among the sources of a store. Changing it starts a new source.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>Where the records come from (for example <c>cdr.Kazoo.AsCdrSource(account)</c>).</summary>
    public required ICdrSource Records { get; init; }

    /// <summary>The provider of <see cref="Records"/>.</summary>
    public CdrProvider Provider => Records.Provider;

    /// <summary>
    /// How far before the watermark each run reads again, to catch records that appear late or change;
    /// <see langword="null"/> takes the provider's default (<see cref="CdrSyncDefaults.Lookback"/>).
    /// </summary>
    public TimeSpan? Lookback { get; init; }

    /// <summary>
    /// How far behind now a run stops, so that the newest, still-settling minutes are read once they settled;
    /// <see langword="null"/> takes the provider's default (<see cref="CdrSyncDefaults.Settle"/>).
    /// </summary>
    public TimeSpan? Settle { get; init; }

    /// <summary>Where the first run starts; <see langword="null"/> is <see cref="CdrSyncDefaults.InitialBackfill"/> before now. Later runs start from the watermark.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>A fixed end (exclusive) instead of <c>now − Settle</c> (a backfill of a closed range); the earlier of the two is used.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>
    /// The length of one window (one provider listing, one Telnyx report), aligned to UTC midnight; it must divide
    /// 24 hours, from 1 minute to 24 hours. <see langword="null"/> is 24 hours.
    /// </summary>
    public TimeSpan? WindowSize { get; init; }

    /// <summary>Records per request to ask the provider for (a hint, 1 to 1000); <see langword="null"/> for the provider's default.</summary>
    public int? PageSize { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Provider})";
}
