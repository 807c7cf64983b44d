using CdrSdk.Sync;
using CdrSdk.Tool.Terminal;
using Spectre.Console;

namespace CdrSdk.Tool.Sync;

/// <summary>
/// <c>cdr sync</c> and <c>cdr sync status</c> from parsed settings to exit code (<see cref="ExitCodes"/>), with the
/// tool's conventions (<see cref="CliContext"/>): progress on standard error (a live table on a terminal, plain lines
/// when redirected, nothing with <c>--quiet</c>), a summary table after each run, one <c>cdr: error:</c> line for what
/// failed, and nothing on standard output but the status data.
/// </summary>
internal sealed class SyncApplication
{
    private readonly CliHost _host;
    private readonly CliContext _context;

    public SyncApplication(CliHost host, CliContext context)
    {
        _host = host;
        _context = context;
    }

    public async Task<int> RunAsync(SyncSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var options = Options(settings);
            if (settings.Source is { } source)
            {
                _ = SyncSources.Check(source, _host.Environment);
            }

            var location = settings.Store ?? options.Store ?? throw new UsageException("--store is required: duckdb:PATH, postgres:CONNECTION-STRING or parquet:DIR (or Store in --config).");
            var store = CdrSyncStore.Open(location, options);
            await using (store.ConfigureAwait(false))
            {
                var sources = await OpenSourcesAsync(settings, options, cancellationToken).ConfigureAwait(false);
                await using (sources.ConfigureAwait(false))
                {
                    Announce(settings, store, sources);
                    using var engine = new CdrSyncEngine(store, options, _host.Time);
                    return await LoopAsync(engine, store, sources, settings, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            return _context.Errors.Report(SyncFailures.Interrupted, ex);
        }
        catch (Exception ex)
        {
            return _context.Errors.Report(SyncFailures.From(ex), ex);
        }
    }

    public async Task<int> StatusAsync(string? storeOption, FileInfo? config, bool json, CancellationToken cancellationToken)
    {
        try
        {
            var location = storeOption ?? (config is null ? null : SyncConfigFile.Load(config).Store)
                ?? throw new UsageException("--store is required: duckdb:PATH, postgres:CONNECTION-STRING or parquet:DIR (or a --config with Store).");
            var store = CdrSyncStore.Open(location);
            await using (store.ConfigureAwait(false))
            {
                await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
                var status = await store.GetStatusAsync(_host.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                if (json)
                {
                    await _host.Out.WriteLineAsync(SyncStatusPrinter.Json(status).AsMemory(), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    SyncStatusPrinter.Write(_context.Out, store.Location, status);
                }

                return ExitCodes.Success;
            }
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            return _context.Errors.Report(new CliFailure(ExitCodes.Interrupted, "interrupted"), ex);
        }
        catch (Exception ex)
        {
            return _context.Errors.Report(SyncFailures.From(ex), ex);
        }
    }

    private async Task<int> LoopAsync(CdrSyncEngine engine, CdrSyncStore store, SyncSources sources, SyncSettings settings, CancellationToken cancellationToken)
    {
        while (true)
        {
            var started = _host.Time.GetTimestamp();
            var result = await Display().RunAsync(sources.Sources, progress => settings.Resync
                ? engine.ResyncAsync(sources.Sources, settings.From!.Value, settings.To!.Value, progress, cancellationToken)
                : engine.RunAsync(sources.Sources, progress, cancellationToken)).ConfigureAwait(false);
            if (_context.ShowsSummary)
            {
                SyncSummary.Write(_context.Live, result, store.Location, sources.Emulated);
            }

            var failure = SyncFailures.Of(result, cancellationToken);
            var code = failure is null ? ExitCodes.Success : _context.Errors.Report(failure, result.Sources.FirstOrDefault(s => s.Exception is not null)?.Exception);
            if (settings.Every is not { } every || code == ExitCodes.Interrupted)
            {
                return code;
            }

            var wait = every - _host.Time.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _host.Time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return code;
                }
            }
        }
    }

    private void Announce(SyncSettings settings, CdrSyncStore store, SyncSources sources)
    {
        if (!_context.ShowsNotes)
        {
            return;
        }

        var what = settings.Resync ? $"Re-syncing {Range(settings)} of" : "Syncing";
        _context.Error.MarkupLine($"[grey]{Markup.Escape(what)} {sources.Sources.Count} source(s) into {Markup.Escape(store.Location)}" +
            (sources.Emulated ? " from the embedded emulator (give credentials, or --config, to reach the real API)" : string.Empty) + ".[/]");
    }

    private ISyncDisplay Display() =>
        _context.ShowsLiveProgress ? new LiveSyncDisplay(_context.Live, _host.Time)
        : _context.ShowsSummary ? new PlainSyncDisplay(_context.Error)
        : new QuietSyncDisplay();

    /// <exception cref="UsageException">The options exclude each other or lack a source.</exception>
    private static CdrSyncOptions Options(SyncSettings settings)
    {
        if (settings.ConfigFile is not null && settings.Source is not null)
        {
            throw new UsageException("--provider and --config exclude each other: list the sources in the configuration, or give one with --provider.");
        }

        if (settings.ConfigFile is null && settings.Source is null)
        {
            throw new UsageException("Give the source to sync: --provider telnyx|voiso|tsg|kazoo (the embedded emulator when no credentials are set), or --config FILE with Sources.");
        }

        if (settings.ConfigFile is not null && (settings.SourceName ?? (object?)settings.Lookback ?? settings.Settle ?? settings.Window) is not null)
        {
            throw new UsageException("--name, --lookback, --settle and --window describe the --provider source: with --config, set Name, Lookback, Settle and WindowSize per source.");
        }

        if (settings.ConfigFile is not null && !settings.Resync && (settings.From ?? settings.To) is not null)
        {
            throw new UsageException("--from and --to describe the --provider source: with --config, set Start and End per source (or add --resync to read that range of every source again).");
        }

        var options = settings.ConfigFile is { } file ? SyncConfigFile.Load(file) : new CdrSyncOptions();
        options.WorkerId = settings.WorkerId ?? options.WorkerId;
        options.BatchSize = settings.BatchSize ?? options.BatchSize;
        return options;
    }

    private Task<SyncSources> OpenSourcesAsync(SyncSettings settings, CdrSyncOptions options, CancellationToken cancellationToken) =>
        settings.Source is { } source
            ? SyncSources.FromCommandLineAsync(settings, source, _host.Environment, _host.EmulatorState, cancellationToken)
            : SyncSources.FromConfigurationAsync(options, _host.Environment, cancellationToken);

    private static string Range(SyncSettings settings) =>
        $"{settings.From!.Value.UtcDateTime:yyyy-MM-dd HH:mm}Z to {settings.To!.Value.UtcDateTime:yyyy-MM-dd HH:mm}Z";
}
