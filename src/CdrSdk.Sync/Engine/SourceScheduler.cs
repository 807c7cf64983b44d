using CdrSdk.Sync.Records;
using CdrSdk.Sync.Stores;
using CdrSdk.Sync.Telemetry;
using Microsoft.Extensions.Logging;

namespace CdrSdk.Sync.Engine;

/// <summary>
/// Gives each source its turn: a slot of the run and of its provider, then its lease. A source another worker holds
/// is waited for (with <see cref="CdrSyncOptions.WaitForLeasedSources"/>): it is done when that worker records the
/// end of the run it was in, or taken over when that worker's lease expires.
/// </summary>
internal sealed class SourceScheduler
{
    private readonly CdrSyncStore _store;
    private readonly CdrSyncOptions _options;
    private readonly string _owner;
    private readonly TimeProvider _time;
    private readonly SyncTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _all;
    private readonly IReadOnlyDictionary<CdrProvider, SemaphoreSlim> _perProvider;
    private readonly SyncWindow? _resync;

    public SourceScheduler(CdrSyncStore store, CdrSyncOptions options, string owner, TimeProvider time, SyncTelemetry telemetry, ILogger logger,
        SemaphoreSlim all, IReadOnlyDictionary<CdrProvider, SemaphoreSlim> perProvider, SyncWindow? resync)
    {
        _resync = resync;
        _store = store;
        _options = options;
        _owner = owner;
        _time = time;
        _telemetry = telemetry;
        _logger = logger;
        _all = all;
        _perProvider = perProvider;
    }

    public async Task<CdrSyncSourceResult> RunAsync(CdrSyncSource source, IProgress<CdrSyncProgress>? progress, CancellationToken cancellationToken)
    {
        // Yield first so that every source's flow (and its retry counter) is its own.
        await Task.Yield();
        var run = new SourceRun(source, progress, SourceRetries.Track()) { Resync = _resync };
        run.Report(CdrSyncPhase.Waiting);
        DateTimeOffset? heldRunStartedAt = null;
        string? heldBy = null;
        try
        {
            await _store.PrepareSourceAsync(source.Name, RecordWords.Of(source.Provider), cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var provider = _perProvider[source.Provider];
                await _all.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await provider.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        if (await _store.TryAcquireLeaseAsync(source.Name, _owner, _options.LeaseDuration, cancellationToken).ConfigureAwait(false))
                        {
                            return await new SourceSync(_store, _options, _owner, _time, _telemetry, _logger).RunAsync(run, cancellationToken).ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        provider.Release();
                    }
                }
                finally
                {
                    _all.Release();
                }

                var state = await _store.ReadStateAsync(source.Name, cancellationToken).ConfigureAwait(false);
                heldRunStartedAt ??= state?.LastRunStartedAt;
                heldBy = state?.LeaseOwner ?? heldBy;
                if (state?.LastRunFinishedAt is { } finished && heldRunStartedAt is { } startedAt && finished >= startedAt)
                {
                    run.Report(CdrSyncPhase.Skipped);
                    return Skipped(source, heldBy, state.Watermark);
                }

                if (!_options.WaitForLeasedSources)
                {
                    run.Report(CdrSyncPhase.Skipped);
                    return Skipped(source, heldBy, state?.Watermark);
                }

                Log.Leased(_logger, source.Name, heldBy);
                var pause = TimeSpan.FromTicks(Math.Min(_options.LeaseDuration.Ticks / 4, TimeSpan.FromSeconds(2).Ticks));
                await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Report(CdrSyncPhase.Cancelled);
            return new CdrSyncSourceResult { Source = source.Name, Provider = source.Provider, Outcome = CdrSyncOutcome.Cancelled };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The store failed before the source's run began.
            run.Report(CdrSyncPhase.Failed, SourceSync.Describe(ex));
            return new CdrSyncSourceResult { Source = source.Name, Provider = source.Provider, Outcome = CdrSyncOutcome.Failed, Error = SourceSync.Describe(ex), Exception = ex };
        }
    }

    private static CdrSyncSourceResult Skipped(CdrSyncSource source, string? by, DateTimeOffset? watermark) => new()
    {
        Source = source.Name,
        Provider = source.Provider,
        Outcome = CdrSyncOutcome.Skipped,
        SyncedBy = by,
        Watermark = watermark,
    };
}
