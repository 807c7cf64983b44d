namespace CdrSdk.Sync.Engine;

/// <summary>
/// Renews a source's lease every third of its duration while the source syncs. When a renewal finds the lease
/// taken (this worker was too slow and another took the source over), it cancels the run.
/// </summary>
internal sealed class LeaseRenewal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile bool _lost;

    public LeaseRenewal(CdrSyncStore store, string source, string owner, TimeSpan duration, TimeProvider time, CancellationTokenSource onLost)
    {
        _loop = RenewAsync(store, source, owner, duration, time, onLost, _stop.Token);
    }

    public bool Lost => _lost;

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    public void Dispose() => _stop.Dispose();

    private async Task RenewAsync(CdrSyncStore store, string source, string owner, TimeSpan duration, TimeProvider time, CancellationTokenSource onLost, CancellationToken stop)
    {
        var every = duration / 3;
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(every, time, stop).ConfigureAwait(false);
            bool renewed;
            try
            {
                renewed = await store.RenewLeaseAsync(source, owner, duration, stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // The store is unreachable for a moment: the next commit will fail or succeed on its own; keep trying.
                continue;
            }

            if (!renewed)
            {
                _lost = true;
                await onLost.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
    }
}
