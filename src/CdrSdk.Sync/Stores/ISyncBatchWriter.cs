using CdrSdk.Sync.Records;

namespace CdrSdk.Sync.Stores;

/// <summary>
/// Loads one source's records into a store: rows are staged as they arrive (bulk load), then
/// <see cref="CommitAsync"/> upserts the staged rows and saves the checkpoint in one transaction. A crash before
/// the commit leaves nothing of the staged rows behind.
/// </summary>
internal interface ISyncBatchWriter : IAsyncDisposable
{
    /// <summary>Rows staged since the last commit.</summary>
    int Pending { get; }

    /// <summary>Stages a row.</summary>
    ValueTask AppendAsync(SyncRow row, CancellationToken cancellationToken);

    /// <summary>Upserts the staged rows and stores the checkpoint atomically; returns what the upsert did.</summary>
    /// <exception cref="SyncLeaseLostException">The worker no longer holds the source's lease; nothing was committed.</exception>
    Task<CdrSyncCounts> CommitAsync(SyncCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Drops the staged rows.</summary>
    Task DiscardAsync(CancellationToken cancellationToken);
}
