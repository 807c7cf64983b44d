using System.CommandLine;
using CdrSdk.Tool.Export;
using CdrSdk.Tool.Sync;

namespace CdrSdk.Tool.Commands;

/// <summary>
/// The <c>cdr sync</c> command (and <c>cdr sync status</c>): the store, the configuration or one source given like
/// <c>cdr export</c>'s (the provider, range, credential and filter options are export's own), and the run rules.
/// </summary>
internal static class SyncCommand
{
    public static Command Create(Func<SyncApplication> application, ProviderEnvironment environment)
    {
        var source = new ExportCommandOptions();
        source.Provider.Required = false;
        source.From.Required = false;
        source.To.Required = false;

        // Export's binding reads its output option; sync writes no file, so it is there but hidden.
        source.Output.Hidden = true;
        var options = new SyncCommandOptions();
        var command = new Command("sync", "Keep a database current with the records of one provider (--provider) or many (--config): incremental, exactly once, crash-safe.");
        foreach (var option in options.Own)
        {
            command.Options.Add(option);
        }

        foreach (var option in (Option[])[source.Provider, source.From, source.To, source.Emulator, source.BaseUrl, source.ApiKey, source.ApiUser, source.ApiVersion,
            source.Cluster, source.AuthToken, source.Email, source.Username, source.Password, source.AccountName, source.Type, source.Queue, source.Connection,
            source.CompanyId, source.AccountId, source.UserId, source.PageSize, source.Quiet, source.Output])
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            SyncSettings settings;
            try
            {
                settings = Bind(parse, source, options, environment);
            }
            catch (CdrSdk.Sync.CdrSyncException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("cdr: error: " + ex.Message).ConfigureAwait(false);
                return 2;
            }

            return await application().RunAsync(settings, parse.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
        });

        command.Subcommands.Add(StatusCommand(application));
        return command;
    }

    /// <exception cref="CdrSdk.Sync.CdrSyncException">An option's value is invalid or options exclude each other.</exception>
    private static SyncSettings Bind(ParseResult parse, ExportCommandOptions source, SyncCommandOptions options, ProviderEnvironment environment)
    {
        var every = SyncCommandOptions.Duration(parse, options.Every);
        if (parse.GetValue(options.Once) && every is not null)
        {
            throw Usage("--once and --every exclude each other: --once runs once (the default), --every runs again after each interval.");
        }

        if (every < TimeSpan.FromSeconds(1))
        {
            throw Usage($"--every must be at least 1s, but was {parse.GetValue(options.Every)}.");
        }

        if (parse.GetValue(options.BatchSize) is { } size && size is < 1 or > 10_000_000)
        {
            throw Usage($"--batch-size must be between 1 and 10,000,000, but was {size}.");
        }

        var provider = parse.GetValue(source.Provider);
        return new SyncSettings
        {
            Store = parse.GetValue(options.Store),
            ConfigFile = parse.GetValue(options.Config),
            Source = provider is null ? null : source.Bind(parse, environment),
            HasRange = parse.GetResult(source.From) is { Implicit: false },
            HasEnd = parse.GetResult(source.To) is { Implicit: false },
            SourceName = parse.GetValue(options.Name),
            Lookback = SyncCommandOptions.Duration(parse, options.Lookback),
            Settle = SyncCommandOptions.Duration(parse, options.Settle),
            Window = SyncCommandOptions.Duration(parse, options.Window),
            Every = every,
            WorkerId = parse.GetValue(options.WorkerId),
            BatchSize = parse.GetValue(options.BatchSize),
            Quiet = parse.GetValue(source.Quiet),
            NoColor = parse.GetValue(options.NoColor),
        };
    }

    private static CdrSdk.Sync.CdrSyncException Usage(string message) => new(message) { BeforeAnyWrite = true };

    private static Command StatusCommand(Func<SyncApplication> application)
    {
        var store = new Option<string?>("--store") { Description = "The store: duckdb:PATH, postgres:CONNECTION-STRING or parquet:DIR.", HelpName = "scheme:target" };
        var config = new Option<FileInfo?>("--config") { Description = "A sync configuration whose Store is used when --store is not given." };
        var json = new Option<bool>("--json") { Description = "Print JSON (one object per source) instead of a table." };
        var command = new Command("status", "Show each source of a store: watermark, lag, rows, last run and its outcome, lease.");
        command.Options.Add(store);
        command.Options.Add(config);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) =>
            application().StatusAsync(parse.GetValue(store), parse.GetValue(config), parse.GetValue(json), parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}
