using CdrSdk.Sync.Records;

namespace CdrSdk.Sync.Stores;

/// <summary>
/// A batch writer over two lanes (<see cref="IStagingLane"/>, each a connection with its staging area): while one
/// lane's batch is committed, the next rows are staged in the other, so reading from the provider goes on during a
/// commit. Commits are applied in order; the engine starts a commit only once the one before it has ended, so a lane
/// is never staged into while it commits.
/// </summary>
internal sealed class LaneWriter : ISyncBatchWriter
{
    private readonly IStagingLane[] _lanes;
    private int _current;
    private Task<CdrSyncCounts>? _running;

    public LaneWriter(IStagingLane first, IStagingLane second)
    {
        _lanes = [first, second];
    }

    public int Pending => _lanes[_current].Pending;

    public bool AssumeNew { get; set; }

    public bool CommitsInBackground => true;

    public ValueTask AppendAsync(SyncRow row, CancellationToken cancellationToken) => _lanes[_current].AppendAsync(row, AssumeNew, _running, cancellationToken);

    public Task<CdrSyncCounts> CommitAsync(SyncCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var commit = CommitAfterAsync(_running, _lanes[_current], checkpoint, cancellationToken);
        _running = commit;
        _current ^= 1;
        return commit;
    }

    public async Task DiscardAsync(CancellationToken cancellationToken)
    {
        await WaitForRunningAsync().ConfigureAwait(false);

        // Both: the other lane's commit may have failed, leaving its batch (or its open transaction) behind.
        foreach (var lane in _lanes)
        {
            await lane.ClearAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await WaitForRunningAsync().ConfigureAwait(false);
        foreach (var lane in _lanes)
        {
            await lane.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<CdrSyncCounts> CommitAfterAsync(Task<CdrSyncCounts>? previous, IStagingLane lane, SyncCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (previous is not null)
        {
            // A commit never overtakes the one before it (its checkpoint comes later); if that one failed, neither is applied.
            await previous.ConfigureAwait(false);
        }

        // Off the caller's flow, so that staging the next rows goes on while this commits.
        await Task.Yield();
        return await lane.CommitAsync(checkpoint, cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitForRunningAsync()
    {
        if (_running is { } running)
        {
            _running = null;
            try
            {
                await running.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The engine saw this commit's failure already, or is stopping on another one.
            }
        }
    }
}
