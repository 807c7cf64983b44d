using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CdrSdk.Sync.Hosting;

/// <summary>
/// Syncs every <see cref="CdrSyncOptions.Interval"/>: the configured sources (credentials resolved once, at start)
/// and the <see cref="CdrSyncSource"/>s registered in the container. A run that fails (the store unreachable) is
/// reported to the health check and retried at the next interval; a configuration that cannot be resolved stops the
/// service with its error.
/// </summary>
internal sealed partial class CdrSyncBackgroundService : BackgroundService
{
    private readonly IOptions<CdrSyncOptions> _options;
    private readonly IServiceProvider _services;
    private readonly CdrSyncStatusTracker _tracker;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    public CdrSyncBackgroundService(IOptions<CdrSyncOptions> options, IServiceProvider services, CdrSyncStatusTracker tracker)
    {
        _options = options;
        _services = services;
        _tracker = tracker;
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger("CdrSdk.Sync.Hosting");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = _options.Value;
        _tracker.Started(options.Interval);
        var secrets = _services.GetService<ICdrSecretResolver>()
            ?? (_services.GetService<IConfiguration>() is { } configuration ? new ConfigurationSecretResolver(configuration) : null);
        var set = await CdrSyncSourceSet.CreateAsync(options, secrets, null, _loggerFactory, _time, stoppingToken).ConfigureAwait(false);
        await using (set.ConfigureAwait(false))
        {
            var sources = set.Sources.Concat(_services.GetServices<CdrSyncSource>()).ToList();
            var store = CdrSyncStore.Open(options.Store!, options);
            await using (store.ConfigureAwait(false))
            {
                using var engine = new CdrSyncEngine(store, options, _time, _loggerFactory, _services.GetService<IMeterFactory>());
                using var timer = new PeriodicTimer(options.Interval, _time);
                do
                {
                    try
                    {
                        var result = await engine.RunAsync(sources, null, stoppingToken).ConfigureAwait(false);
                        _tracker.Completed(result, _time.GetUtcNow());
                    }
                    catch (CdrSyncException ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        RunFailed(_logger, ex.Message);
                        _tracker.Failed(ex.Message, _time.GetUtcNow());
                    }
                }
                while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(10, LogLevel.Error, "Sync run failed: {Error}")]
    private static partial void RunFailed(ILogger logger, string error);
}
