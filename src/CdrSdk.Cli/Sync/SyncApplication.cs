using System.Net;
using CdrSdk.Sync;
using CdrSdk.Tool.Export;
using Spectre.Console;

namespace CdrSdk.Tool.Sync;

/// <summary>
/// <c>cdr sync</c> from parsed settings to exit code: 0 every source synced, 1 a provider or the store failed
/// (the next run continues from the last commit), 2 bad arguments, configuration or store (nothing was written),
/// 3 a provider refused the credentials, 130 interrupted. Errors are one line on stderr: <c>cdr: error: ...</c>.
/// </summary>
internal sealed class SyncApplication
{
    private readonly IAnsiConsole _console;
    private readonly ProviderEnvironment _environment;
    private readonly string _emulatorState;
    private readonly TimeProvider _time;

    public SyncApplication(IAnsiConsole console, ProviderEnvironment environment, string emulatorState, TimeProvider time)
    {
        _console = console;
        _environment = environment;
        _emulatorState = emulatorState;
        _time = time;
    }

    public async Task<int> RunAsync(SyncSettings settings, TextWriter error, CancellationToken cancellationToken)
    {
        if (!_console.Profile.Capabilities.Interactive && _console.Profile.Width < 160)
        {
            // Redirected (a log, a pipe): tables need not fit a terminal.
            _console.Profile.Width = 160;
        }

        if (settings.NoColor)
        {
            _console.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        }

        try
        {
            var options = Options(settings);
            var location = settings.Store ?? options.Store ?? throw Input("--store is required: duckdb:PATH, postgres:CONNECTION-STRING or parquet:DIR (or Store in --config).");
            var store = CdrSyncStore.Open(location, options);
            await using (store.ConfigureAwait(false))
            {
                var sources = await OpenSourcesAsync(settings, options, cancellationToken).ConfigureAwait(false);
                await using (sources.ConfigureAwait(false))
                {
                    if (!settings.Quiet)
                    {
                        _console.MarkupLine($"[grey]Syncing {sources.Sources.Count} source(s) into {Markup.Escape(store.Location)}" +
                            (sources.Emulated ? " from the embedded emulator (give credentials, or --config, to reach the real API)" : string.Empty) + ".[/]");
                    }

                    using var engine = new CdrSyncEngine(store, options, _time);
                    return await LoopAsync(engine, sources.Sources, settings, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cdr: stopped; what was committed stays, the next run continues from there.").ConfigureAwait(false);
            return 130;
        }
        catch (Exception ex) when (ex is CdrSyncException or ExportException or CdrValidationException)
        {
            await error.WriteLineAsync("cdr: error: " + OneLine(ex.Message)).ConfigureAwait(false);
            return 2;
        }
    }

    public async Task<int> StatusAsync(string? storeOption, FileInfo? config, bool json, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var location = storeOption ?? (config is null ? null : SyncConfigFile.Load(config).Store)
                ?? throw Input("--store is required: duckdb:PATH, postgres:CONNECTION-STRING or parquet:DIR (or a --config with Store).");
            var store = CdrSyncStore.Open(location);
            await using (store.ConfigureAwait(false))
            {
                await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
                var status = await store.GetStatusAsync(_time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                SyncStatusPrinter.Write(_console, store.Location, status, json);
                return 0;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 130;
        }
        catch (CdrSyncException ex)
        {
            await error.WriteLineAsync("cdr: error: " + OneLine(ex.Message)).ConfigureAwait(false);
            return 2;
        }
    }

    private async Task<int> LoopAsync(CdrSyncEngine engine, IReadOnlyList<CdrSyncSource> sources, SyncSettings settings, CancellationToken cancellationToken)
    {
        while (true)
        {
            var started = _time.GetTimestamp();
            var result = await Display(settings).RunAsync(sources, progress => engine.RunAsync(sources, progress, cancellationToken)).ConfigureAwait(false);
            if (!settings.Quiet || !result.Succeeded)
            {
                SyncSummary.Write(_console, result);
            }

            var code = ExitCode(result, cancellationToken);
            if (settings.Every is not { } every || code == 130)
            {
                return code;
            }

            var wait = every - _time.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return code;
                }
            }
        }
    }

    private ISyncDisplay Display(SyncSettings settings) =>
        settings.Quiet ? new QuietSyncDisplay()
        : _console.Profile.Capabilities.Interactive ? new LiveSyncDisplay(_console, _time)
        : new PlainSyncDisplay(_console);

    private static CdrSyncOptions Options(SyncSettings settings)
    {
        if (settings.ConfigFile is not null && settings.Source is not null)
        {
            throw Input("--provider and --config exclude each other: list the sources in the configuration, or give one with --provider.");
        }

        if (settings.ConfigFile is null && settings.Source is null)
        {
            throw Input("Give the source to sync: --provider telnyx|voiso|tsg|kazoo (the embedded emulator when no credentials are set), or --config FILE with Sources.");
        }

        var options = settings.ConfigFile is { } file ? SyncConfigFile.Load(file) : new CdrSyncOptions();
        options.WorkerId = settings.WorkerId ?? options.WorkerId;
        options.BatchSize = settings.BatchSize ?? options.BatchSize;
        return options;
    }

    private Task<SyncSources> OpenSourcesAsync(SyncSettings settings, CdrSyncOptions options, CancellationToken cancellationToken) =>
        settings.Source is { } source
            ? SyncSources.FromCommandLineAsync(settings, source, _environment, _emulatorState, cancellationToken)
            : SyncSources.FromConfigurationAsync(options, _environment, cancellationToken);

    private static int ExitCode(CdrSyncRunResult result, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested || result.Sources.Any(s => s.Outcome == CdrSyncOutcome.Cancelled))
        {
            return 130;
        }

        var failures = result.Sources.Where(s => s.Outcome == CdrSyncOutcome.Failed).ToList();
        return failures.Count == 0 ? 0
            : failures.Any(f => f.Exception is CdrApiException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden }) ? 3
            : failures.All(f => f.Exception is CdrSyncException { BeforeAnyWrite: true }) ? 2
            : 1;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    private static CdrSyncException Input(string message) => new(message) { BeforeAnyWrite = true };
}
