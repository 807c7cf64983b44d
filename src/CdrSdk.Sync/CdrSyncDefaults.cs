namespace CdrSdk.Sync;

/// <summary>
/// The per-provider defaults of <see cref="CdrSyncSource.Lookback"/> and <see cref="CdrSyncSource.Settle"/>, and
/// the other defaults of a source. docs/sync.md explains each choice.
/// </summary>
public static class CdrSyncDefaults
{
    /// <summary>The window length when none is set: 24 hours (one Telnyx report per day).</summary>
    public static readonly TimeSpan WindowSize = TimeSpan.FromDays(1);

    /// <summary>How far back the first run of a source starts when no start is set: 1 day.</summary>
    public static readonly TimeSpan InitialBackfill = TimeSpan.FromDays(1);

    /// <summary>
    /// The lookback of a provider: Telnyx 4 hours (MDRs of the last 4 hours may still be missing), Voiso 2 hours
    /// (a record is listed by its start but written when the call ends), TSG 1 hour (message statuses change after
    /// delivery), Kazoo 30 minutes (a CDR is written at hangup and listed by that time, so only replication delay is late).
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The lookback.</returns>
    public static TimeSpan Lookback(CdrProvider provider) => provider switch
    {
        CdrProvider.Telnyx => TimeSpan.FromHours(4),
        CdrProvider.Voiso => TimeSpan.FromHours(2),
        CdrProvider.Tsg => TimeSpan.FromHours(1),
        _ => TimeSpan.FromMinutes(30),
    };

    /// <summary>
    /// The settle time of a provider: Telnyx 10 minutes (reports of the last minutes are the least complete), the
    /// others 2 minutes.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The settle time.</returns>
    public static TimeSpan Settle(CdrProvider provider) => provider switch
    {
        CdrProvider.Telnyx => TimeSpan.FromMinutes(10),
        _ => TimeSpan.FromMinutes(2),
    };
}
