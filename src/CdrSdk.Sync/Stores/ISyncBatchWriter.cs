using CdrSdk.Sync.Records;

namespace CdrSdk.Sync.Stores;

/// <summary>
/// Loads one source's records into a store: rows are staged as they arrive (bulk load), then
/// <see cref="CommitAsync"/> upserts the staged rows and saves the checkpoint in one transaction. A crash before
/// the commit leaves nothing of the staged rows behind.
/// </summary>
internal interface ISyncBatchWriter : IAsyncDisposable
{
    /// <summary>Rows staged since the last commit was started.</summary>
    int Pending { get; }

    /// <summary>
    /// Whether the rows to come are most likely new to the store (a window after the watermark): a store may then
    /// write them straight into its table in an open transaction, relying on its primary key; when a key turns out to
    /// be there already it rolls that batch back and throws <see cref="SyncKeyConflictException"/>, and the engine
    /// reads the rest of the window again with this off (the counts and the result are the same either way). Stores
    /// that always merge ignore it.
    /// </summary>
    bool AssumeNew { get; set; }

    /// <summary>
    /// Whether <see cref="CommitAsync"/> may still be running when it returns its task, rows appended meanwhile going to
    /// the next batch (the store stages into a second area). When <see langword="false"/>, the task must be awaited
    /// before the next append.
    /// </summary>
    bool CommitsInBackground { get; }

    /// <summary>Stages a row.</summary>
    /// <exception cref="SyncKeyConflictException">With <see cref="AssumeNew"/>: a key is stored already; the batch was rolled back.</exception>
    ValueTask AppendAsync(SyncRow row, CancellationToken cancellationToken);

    /// <summary>
    /// Upserts the rows staged so far and stores the checkpoint atomically, after the commit started before it (commits
    /// are applied in order); the task ends with what the upsert did once the commit is durable.
    /// </summary>
    /// <exception cref="SyncLeaseLostException">The worker no longer holds the source's lease; nothing was committed.</exception>
    /// <exception cref="SyncKeyConflictException">With <see cref="AssumeNew"/>: a key is stored already; nothing of the batch was committed.</exception>
    Task<CdrSyncCounts> CommitAsync(SyncCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Drops the staged rows, of every batch not committed (after any commit still running has ended).</summary>
    Task DiscardAsync(CancellationToken cancellationToken);
}
