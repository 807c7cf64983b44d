using System.CommandLine;
using CdrSdk.Tool.Sync;
using CdrSdk.Tool.Terminal;

namespace CdrSdk.Tool.Commands;

/// <summary>
/// The <c>cdr sync</c> command (and <c>cdr sync status</c>): the store, the configuration or one source given like
/// <c>cdr export</c>'s (the provider, range, credential and filter options are export's own), and the run rules.
/// Combinations the parser cannot express are parse errors too (one line, exit code 2).
/// </summary>
internal static class SyncCommand
{
    public static Command Create(CliHost host)
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
            source.CompanyId, source.AccountId, source.UserId, source.PageSize, source.AllowUnknownValues, source.Output])
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(options.Once) && result.GetResult(options.Every) is { Implicit: false })
            {
                result.AddError("--once and --every exclude each other: --once runs once (the default), --every runs again after each interval.");
            }

            if (result.GetValue(options.Every) is { } every && every < TimeSpan.FromSeconds(1))
            {
                result.AddError($"--every must be at least 1s, but was {SyncDurations.Format(every)}.");
            }

            if (result.GetValue(options.Resync) && (result.GetResult(source.From) is not { Implicit: false } || result.GetResult(source.To) is not { Implicit: false }))
            {
                result.AddError("--resync needs the range to read again: --from and --to.");
            }

            if (result.GetValue(options.Resync) && result.GetResult(options.Every) is { Implicit: false })
            {
                result.AddError("--resync reads its range once: it cannot be combined with --every.");
            }
        });

        command.SetAction((parse, cancellationToken) =>
            new SyncApplication(host, host.ContextFor(parse)).RunAsync(Bind(parse, source, options, host), cancellationToken));
        command.Subcommands.Add(StatusCommand(host));
        return command;
    }

    private static SyncSettings Bind(ParseResult parse, ExportCommandOptions source, SyncCommandOptions options, CliHost host)
    {
        var provider = parse.GetValue(source.Provider);
        return new SyncSettings
        {
            Store = parse.GetValue(options.Store),
            ConfigFile = parse.GetValue(options.Config),
            Source = provider is null ? null : source.Bind(parse, host.Environment),
            From = parse.GetResult(source.From) is { Implicit: false } ? parse.GetValue(source.From) : null,
            To = parse.GetResult(source.To) is { Implicit: false } ? parse.GetValue(source.To) : null,
            Resync = parse.GetValue(options.Resync),
            SourceName = parse.GetValue(options.Name),
            Lookback = parse.GetValue(options.Lookback),
            Settle = parse.GetValue(options.Settle),
            Window = parse.GetValue(options.Window),
            Every = parse.GetValue(options.Every),
            WorkerId = parse.GetValue(options.WorkerId),
            BatchSize = parse.GetValue(options.BatchSize),
        };
    }

    private static Command StatusCommand(CliHost host)
    {
        var store = new Option<string?>("--store") { Description = "The store: duckdb:PATH, postgres:CONNECTION-STRING or parquet:DIR.", HelpName = "scheme:target" };
        var config = new Option<FileInfo?>("--config") { Description = "A sync configuration whose Store is used when --store is not given." };
        var json = new Option<bool>("--json") { Description = "Print JSON (an array with one object per source) instead of a table." };
        var command = new Command("status", "Show each source of a store: watermark, lag, rows, last run and its outcome, lease.");
        command.Options.Add(store);
        command.Options.Add(config);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) =>
            new SyncApplication(host, host.ContextFor(parse)).StatusAsync(parse.GetValue(store), parse.GetValue(config), parse.GetValue(json), cancellationToken));
        return command;
    }
}
