using CdrSdk.Sync.Records;

namespace CdrSdk.Sync.Stores;

/// <summary>One connection of a store with its own staging area, and the commit of what it staged (<see cref="LaneWriter"/>).</summary>
internal interface IStagingLane : IAsyncDisposable
{
    /// <summary>Rows staged since the last commit or clear.</summary>
    int Pending { get; }

    /// <summary>Stages a row.</summary>
    ValueTask AppendAsync(SyncRow row, CancellationToken cancellationToken);

    /// <summary>
    /// Upserts the staged rows and saves the checkpoint in one transaction, then empties the staging area. With
    /// <paramref name="assumeNew"/> the rows are first inserted as they are, and merged only when a key is in the store already.
    /// </summary>
    /// <exception cref="SyncLeaseLostException">The worker no longer holds the source's lease; nothing was committed.</exception>
    Task<CdrSyncCounts> CommitAsync(SyncCheckpoint checkpoint, bool assumeNew, CancellationToken cancellationToken);

    /// <summary>Drops the staged rows.</summary>
    Task ClearAsync(CancellationToken cancellationToken);
}
