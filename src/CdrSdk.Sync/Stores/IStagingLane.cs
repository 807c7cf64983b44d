using CdrSdk.Sync.Records;

namespace CdrSdk.Sync.Stores;

/// <summary>
/// One connection of a store with its own staging area, and the commit of what it staged (<see cref="LaneWriter"/>).
/// A batch whose rows are assumed new is written straight into <c>cdr_records</c> inside a transaction of the lane
/// that its commit completes; other batches are staged, then merged.
/// </summary>
internal interface IStagingLane : IAsyncDisposable
{
    /// <summary>Rows staged since the last commit or clear.</summary>
    int Pending { get; }

    /// <summary>
    /// Stages a row. The first row of a batch decides how the batch is written: with <paramref name="assumeNew"/>
    /// straight into <c>cdr_records</c> in an open transaction, else into the staging area. Rows go into that
    /// transaction only once <paramref name="previousCommit"/> (the other lane's) has ended: DuckDB's transactions see a
    /// snapshot, and the checkpoint this one saves must see the one saved before it; PostgreSQL's rows lock their keys
    /// until this batch's commit, which waits for the previous one, so that one must not need any of those keys.
    /// </summary>
    /// <exception cref="SyncKeyConflictException">A row written straight in has a key stored already or written twice; the batch was rolled back.</exception>
    ValueTask AppendAsync(SyncRow row, bool assumeNew, Task? previousCommit, CancellationToken cancellationToken);

    /// <summary>
    /// Commits the batch and saves the checkpoint in one transaction, then empties the staging area: a batch written
    /// straight in is committed as it is, a staged one is merged (new rows inserted, changed ones updated).
    /// </summary>
    /// <exception cref="SyncLeaseLostException">The worker no longer holds the source's lease; nothing was committed.</exception>
    /// <exception cref="SyncKeyConflictException">A row written straight in has a key stored already or written twice; nothing was committed.</exception>
    Task<CdrSyncCounts> CommitAsync(SyncCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Drops the batch (rolls back one written straight in).</summary>
    Task ClearAsync(CancellationToken cancellationToken);
}
