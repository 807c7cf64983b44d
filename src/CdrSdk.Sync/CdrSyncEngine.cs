using System.Diagnostics.Metrics;
using CdrSdk.Sync.Engine;
using CdrSdk.Sync.Stores;
using CdrSdk.Sync.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CdrSdk.Sync;

/// <summary>
/// Syncs sources into a store: each run reads every source's new windows (and its lookback) and upserts their
/// records exactly once, committing window by window with the source's watermark, so a crash loses at most the
/// records of one uncommitted batch and the next run continues where the last commit left off.
/// </summary>
/// <example>
/// <code>
/// await using var store = CdrSyncStore.Open("duckdb:cdr.duckdb");
/// var engine = new CdrSyncEngine(store);
/// var result = await engine.RunAsync([new CdrSyncSource { Name = "kazoo-main", Records = cdr.Kazoo.AsCdrSource(accountId) }]);
/// </code>
/// </example>
public sealed class CdrSyncEngine : IDisposable
{
    private readonly CdrSyncStore _store;
    private readonly CdrSyncOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SyncTelemetry _telemetry;

    /// <summary>Creates an engine over a store.</summary>
    /// <param name="store">The store; it is initialized (schema created or migrated) on the first run, not disposed by the engine.</param>
    /// <param name="options">Concurrency, batch size and leases; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock for windows, commits and leases; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where logs go; <see langword="null"/> for none.</param>
    /// <param name="meterFactory">Creates the <c>CdrSdk</c> meter the sync's metrics are on; <see langword="null"/> for a static one.</param>
    public CdrSyncEngine(CdrSyncStore store, CdrSyncOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new CdrSyncOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("CdrSdk.Sync");
        _telemetry = new SyncTelemetry(meterFactory);
        WorkerId = string.IsNullOrWhiteSpace(_options.WorkerId)
            ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}"
            : _options.WorkerId;
    }

    /// <summary>The name this engine holds leases under (<see cref="CdrSyncOptions.WorkerId"/>, or a generated one).</summary>
    public string WorkerId { get; }

    /// <summary>
    /// Runs every source once: up to <see cref="CdrSyncOptions.MaxConcurrency"/> at a time (and
    /// <see cref="CdrSyncOptions.MaxConcurrencyPerProvider"/> per provider), each from its watermark (minus its
    /// lookback) to now minus its settle time (or its end). A source that fails does not stop the others.
    /// </summary>
    /// <param name="sources">The sources; their names must be unique.</param>
    /// <param name="progress">Hears each source's progress (after every page, commit and window); may be called from several threads.</param>
    /// <param name="cancellationToken">Stops the run after the pages being read; what was committed stays.</param>
    /// <returns>Each source's result.</returns>
    /// <exception cref="CdrSyncException">A source or option is invalid, or the store cannot be opened; nothing was written.</exception>
    public Task<CdrSyncRunResult> RunAsync(IReadOnlyList<CdrSyncSource> sources, IProgress<CdrSyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        SourceValidator.Validate(sources, _options);
        return RunCoreAsync(sources, null, progress, cancellationToken);
    }

    /// <summary>
    /// Reads [<paramref name="from"/>, <paramref name="to"/>) of every source again and upserts it, even behind the
    /// watermark, which does not move (a later <see cref="RunAsync"/> continues from where it was): for a range that
    /// changed upstream after it was synced and left the lookback, such as a re-rated day. Windows are committed as in a
    /// run, with the same exactly-once and crash rules; a resync that stopped is simply run again. The range ends at
    /// <c>now − Settle</c> at the latest; the sources' <see cref="CdrSyncSource.Start"/> and <see cref="CdrSyncSource.End"/> do not apply.
    /// </summary>
    /// <param name="sources">The sources; their names must be unique.</param>
    /// <param name="from">The start of the range, inclusive.</param>
    /// <param name="to">The end of the range, exclusive; after <paramref name="from"/>.</param>
    /// <param name="progress">Hears each source's progress; may be called from several threads.</param>
    /// <param name="cancellationToken">Stops the resync after the pages being read; what was committed stays.</param>
    /// <returns>Each source's result; its <see cref="CdrSyncSourceResult.Watermark"/> is the unchanged watermark.</returns>
    /// <exception cref="CdrSyncException">A source, an option or the range is invalid, or the store cannot be opened; nothing was written.</exception>
    public Task<CdrSyncRunResult> ResyncAsync(IReadOnlyList<CdrSyncSource> sources, DateTimeOffset from, DateTimeOffset to, IProgress<CdrSyncProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        SourceValidator.Validate(sources, _options);
        if (from >= to)
        {
            throw new CdrSyncException($"The resync range must end after it starts, but {from.UtcDateTime:O} is not before {to.UtcDateTime:O}.") { BeforeAnyWrite = true };
        }

        return RunCoreAsync(sources, new SyncWindow(from.ToUniversalTime(), to.ToUniversalTime()), progress, cancellationToken);
    }

    private async Task<CdrSyncRunResult> RunCoreAsync(IReadOnlyList<CdrSyncSource> sources, SyncWindow? resync, IProgress<CdrSyncProgress>? progress, CancellationToken cancellationToken)
    {
        await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        Log.RunStarted(_logger, sources.Count, _store.Location, WorkerId);
        using var activity = SyncTelemetry.ActivitySource.StartActivity("cdr.sync.run");
        activity?.SetTag("cdrsdk.sync.sources", sources.Count);
        var started = _time.GetTimestamp();
        using var retries = new SourceRetries();
        using var all = new SemaphoreSlim(_options.MaxConcurrency);
        var perProvider = sources.Select(s => s.Provider).Distinct().ToDictionary(p => p, _ => new SemaphoreSlim(_options.MaxConcurrencyPerProvider));
        try
        {
            var scheduler = new SourceScheduler(_store, _options, WorkerId, _time, _telemetry, _logger, all, perProvider, resync);
            var results = await Task.WhenAll(sources.Select(s => scheduler.RunAsync(s, progress, cancellationToken))).ConfigureAwait(false);
            return new CdrSyncRunResult { Sources = results, Elapsed = _time.GetElapsedTime(started) };
        }
        finally
        {
            foreach (var gate in perProvider.Values)
            {
                gate.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _telemetry.Dispose();
}
