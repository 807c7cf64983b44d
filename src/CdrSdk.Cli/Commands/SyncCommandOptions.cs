using System.CommandLine;
using CdrSdk.Tool.Sync;
using CdrSdk.Tool.Terminal;

namespace CdrSdk.Tool.Commands;

/// <summary>The options <c>cdr sync</c> has beyond the source options it shares with <c>cdr export</c>.</summary>
internal sealed class SyncCommandOptions
{
    public Option<string?> Store { get; } = new("--store")
    {
        Description = "Where the records go: duckdb:PATH, postgres:CONNECTION-STRING (or a postgres:// URL) or parquet:DIR (or Store in --config).",
        HelpName = "scheme:target",
    };

    public Option<FileInfo?> Config { get; } = new("--config")
    {
        Description = "A JSON file with the sync configuration (\"CdrSync\": Store, Sources, ...; see docs/sync.md). Instead of --provider.",
    };

    public Option<string?> Name { get; } = new("--name") { Description = "The source's name in the store (default: the provider, its type and account, e.g. kazoo-<account>)." };

    public Option<TimeSpan?> Lookback { get; } = Duration("--lookback", "How far before the watermark each run reads again (default per provider).");

    public Option<TimeSpan?> Settle { get; } = Duration("--settle", "How far behind now a run stops (default per provider).");

    public Option<TimeSpan?> Window { get; } = Duration("--window", "The window length, dividing 24h (default 1d).");

    public Option<bool> Once { get; } = new("--once") { Description = "Run once and exit (the default)." };

    public Option<TimeSpan?> Every { get; } = Duration("--every", "Run again every interval (at least 1s, e.g. 5m) until Ctrl+C.");

    public Option<bool> Resync { get; } = new("--resync")
    {
        Description = "Read --from to --to again and upsert it, even behind the watermark (which does not move); for a range that changed upstream.",
    };

    public Option<string?> WorkerId { get; } = new("--worker-id") { Description = "The name this process holds leases under (default: machine-pid-random)." };

    public Option<int?> BatchSize { get; } = new("--batch-size")
    {
        Description = "Records per commit inside a window, 1 to 10,000,000 (default 250,000 for DuckDB, 50,000 for PostgreSQL).",
        CustomParser = OptionChecks.OptionalInteger(1, 10_000_000),
        HelpName = "records",
    };

    public IEnumerable<Option> Own => [Store, Config, Name, Lookback, Settle, Window, Once, Every, Resync, WorkerId, BatchSize];

    private static Option<TimeSpan?> Duration(string name, string description) =>
        new(name) { Description = description + " 90s, 5m, 2h, 1d or hh:mm:ss.", CustomParser = SyncDurations.Parse, HelpName = "duration" };
}
