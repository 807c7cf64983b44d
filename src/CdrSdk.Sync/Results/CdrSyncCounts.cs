using System.Runtime.InteropServices;

namespace CdrSdk.Sync;

/// <summary>What an upsert did with the records it was given.</summary>
/// <param name="Inserted">Records the store did not have.</param>
/// <param name="Updated">Records the store had with other content: replaced, <c>first_synced_at</c> kept.</param>
/// <param name="Unchanged">Records the store already had exactly: not written again.</param>
[StructLayout(LayoutKind.Auto)]
public readonly record struct CdrSyncCounts(long Inserted, long Updated, long Unchanged)
{
    /// <summary>Every record counted: <see cref="Inserted"/> + <see cref="Updated"/> + <see cref="Unchanged"/>.</summary>
    public long Total => Inserted + Updated + Unchanged;

    /// <summary>Adds two counts.</summary>
    /// <param name="left">The first counts.</param>
    /// <param name="right">The second counts.</param>
    /// <returns>The sums.</returns>
    public static CdrSyncCounts operator +(CdrSyncCounts left, CdrSyncCounts right) =>
        new(left.Inserted + right.Inserted, left.Updated + right.Updated, left.Unchanged + right.Unchanged);

    /// <summary>Adds two counts (for languages without operators).</summary>
    /// <param name="other">The counts to add.</param>
    /// <returns>The sums.</returns>
    public CdrSyncCounts Add(CdrSyncCounts other) => this + other;
}
