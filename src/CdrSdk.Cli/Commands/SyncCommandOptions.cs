using System.CommandLine;
using CdrSdk.Tool.Sync;

namespace CdrSdk.Tool.Commands;

/// <summary>The options <c>cdr sync</c> has beyond the source options it shares with <c>cdr export</c>.</summary>
internal sealed class SyncCommandOptions
{
    public SyncCommandOptions()
    {
        BatchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } size && size is < 1 or > 10_000_000)
            {
                result.AddError($"--batch-size must be between 1 and 10,000,000, but was {size}.");
            }
        });
        Every.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<TimeSpan?>() is { } every && every < TimeSpan.FromSeconds(1))
            {
                result.AddError($"--every must be at least 1s, but was {SyncDurations.Format(every)}.");
            }
        });
    }

    public Option<string?> Store { get; } = new("--store")
    {
        Description = "Where the records go: duckdb:PATH (default when a configuration names none), postgres:CONNECTION-STRING (or a postgres:// URL) or parquet:DIR.",
        HelpName = "scheme:target",
    };

    public Option<FileInfo?> Config { get; } = new("--config")
    {
        Description = "A JSON file with the sync configuration (\"CdrSync\": Store, Sources, ...; see docs/sync.md). Instead of --provider.",
    };

    public Option<string?> Name { get; } = new("--name") { Description = "The source's name in the store (default: the provider, its type and account, e.g. kazoo-<account>)." };

    public Option<TimeSpan?> Lookback { get; } = new("--lookback") { Description = "How far before the watermark each run reads again (default per provider).", CustomParser = SyncDurations.Parse, HelpName = "duration" };

    public Option<TimeSpan?> Settle { get; } = new("--settle") { Description = "How far behind now a run stops (default per provider).", CustomParser = SyncDurations.Parse, HelpName = "duration" };

    public Option<TimeSpan?> Window { get; } = new("--window") { Description = "The window length, dividing 24h (default 1d).", CustomParser = SyncDurations.Parse, HelpName = "duration" };

    public Option<bool> Once { get; } = new("--once") { Description = "Run once and exit (the default)." };

    public Option<TimeSpan?> Every { get; } = new("--every") { Description = "Run again every interval (e.g. 5m) until Ctrl+C.", CustomParser = SyncDurations.Parse, HelpName = "duration" };

    public Option<string?> WorkerId { get; } = new("--worker-id") { Description = "The name this process holds leases under (default: machine-pid-random)." };

    public Option<int?> BatchSize { get; } = new("--batch-size") { Description = "Records per commit inside a window (default 50,000)." };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "No colours (NO_COLOR does the same)." };

    public IEnumerable<Option> Own => [Store, Config, Name, Lookback, Settle, Window, Once, Every, WorkerId, BatchSize, NoColor];
}
