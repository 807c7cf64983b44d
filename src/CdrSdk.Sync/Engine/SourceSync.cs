using System.Diagnostics;
using CdrSdk.Sync.Records;
using CdrSdk.Sync.Stores;
using CdrSdk.Sync.Telemetry;
using Microsoft.Extensions.Logging;

namespace CdrSdk.Sync.Engine;

/// <summary>
/// One run of one source once its lease is held: record the start, plan the windows, sync them in order, record
/// the end. The lease is renewed in the background; when it is lost the run stops before its next commit.
/// </summary>
internal sealed class SourceSync
{
    private readonly CdrSyncStore _store;
    private readonly CdrSyncOptions _options;
    private readonly string _owner;
    private readonly TimeProvider _time;
    private readonly SyncTelemetry _telemetry;
    private readonly ILogger _logger;

    public SourceSync(CdrSyncStore store, CdrSyncOptions options, string owner, TimeProvider time, SyncTelemetry telemetry, ILogger logger)
    {
        _store = store;
        _options = options;
        _owner = owner;
        _time = time;
        _telemetry = telemetry;
        _logger = logger;
    }

    public async Task<CdrSyncSourceResult> RunAsync(SourceRun run, CancellationToken cancellationToken)
    {
        var source = run.Source;
        using var activity = SyncTelemetry.ActivitySource.StartActivity("cdr.sync.source");
        activity?.SetTag("cdrsdk.sync.source", source.Name);
        activity?.SetTag("cdrsdk.provider", RecordWords.Of(source.Provider));
        var started = _time.GetTimestamp();
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var renewal = new LeaseRenewal(_store, source.Name, _owner, _options.LeaseDuration, _time, leaseLost);
        CdrSyncOutcome outcome;
        Exception? failure = null;
        try
        {
            await _store.RecordRunStartAsync(source.Name, _owner, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var state = await _store.ReadStateAsync(source.Name, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The state of source '{source.Name}' disappeared.");
            var plan = run.Resync is { } range ? SyncPlan.ForResync(source, state, range, _time.GetUtcNow()) : SyncPlan.For(source, state, _time.GetUtcNow());
            run.WindowsPlanned = plan.Windows.Count;
            run.Watermark = state.Watermark;
            Log.Planned(_logger, source.Name, plan.Windows.Count, plan.From, plan.Until);
            run.Report(CdrSyncPhase.Reading);

            var batchSize = _options.BatchSize ?? _store.DefaultBatchSize;
            var writer = await _store.OpenWriterAsync(source.Name, RecordWords.Of(source.Provider), new WriterSettings(batchSize, _time), cancellationToken).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                var windows = new WindowSync(_store, writer, run, _owner, batchSize, _time, _telemetry);
                var watermark = state.Watermark;
                foreach (var window in plan.Windows)
                {
                    var token = state.InFlight == window ? state.InFlightToken : null;
                    watermark = await windows.RunAsync(window, token, watermark, advance: run.Resync is null, leaseLost.Token).ConfigureAwait(false);
                }

                // The last window's last commit may still be running.
                await windows.FinishAsync(leaseLost.Token).ConfigureAwait(false);
            }

            outcome = CdrSyncOutcome.Succeeded;
            run.Report(CdrSyncPhase.Completed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = CdrSyncOutcome.Cancelled;
            run.Report(CdrSyncPhase.Cancelled);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failure = renewal.Lost && ex is OperationCanceledException or SyncLeaseLostException
                ? new SyncLeaseLostException(source.Name, _owner)
                : ex;
            outcome = CdrSyncOutcome.Failed;
            Log.Failed(_logger, source.Name, Describe(failure));
            run.Report(CdrSyncPhase.Failed, Describe(failure));
            activity?.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
        }

        await renewal.StopAsync().ConfigureAwait(false);
        var result = new CdrSyncSourceResult
        {
            Source = source.Name,
            Provider = source.Provider,
            Outcome = outcome,
            Counts = run.Counts,
            Windows = run.WindowsDone,
            RecordsRead = run.RecordsRead,
            Retries = run.Retries.Value,
            Elapsed = _time.GetElapsedTime(started),
            Watermark = run.Watermark,
            Error = failure is null ? null : Describe(failure),
            Exception = failure,
        };
        await FinishAsync(source, result).ConfigureAwait(false);
        return result;
    }

    private async Task FinishAsync(CdrSyncSource source, CdrSyncSourceResult result)
    {
        var tags = new TagList { SyncTelemetry.SourceTag(source.Name), SyncTelemetry.ProviderTag(source.Provider), { "cdrsdk.sync.outcome", RecordWords.Of(result.Outcome) } };
        _telemetry.Runs.Add(1, tags);
        if (result.Watermark is { } watermark)
        {
            _telemetry.Lag.Record((_time.GetUtcNow() - watermark).TotalSeconds, SyncTelemetry.SourceTag(source.Name));
        }

        try
        {
            // Recorded even after a cancellation, so status tells a stopped run from a dead worker.
            await _store.RecordRunEndAsync(source.Name, _owner, new RunRecord(result.Outcome, result.Counts, result.Error, _time.GetUtcNow()), CancellationToken.None)
                .ConfigureAwait(false);
            await _store.ReleaseLeaseAsync(source.Name, _owner, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The store went away at the end: the lease expires by itself and status shows the run as interrupted.
            Log.Failed(_logger, source.Name, Describe(ex));
        }

        Log.Finished(_logger, source.Name, RecordWords.Of(result.Outcome), result.Counts.Inserted, result.Counts.Updated, result.Counts.Unchanged, result.Windows);
    }

    internal static string Describe(Exception ex) => ex is CdrException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
}
