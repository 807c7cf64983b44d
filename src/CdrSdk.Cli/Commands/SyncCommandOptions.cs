using System.CommandLine;

namespace CdrSdk.Tool.Commands;

/// <summary>The options <c>cdr sync</c> has beyond the source options it shares with <c>cdr export</c>.</summary>
internal sealed class SyncCommandOptions
{
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

    public Option<string?> Lookback { get; } = new("--lookback") { Description = "How far before the watermark each run reads again (default per provider).", HelpName = "duration" };

    public Option<string?> Settle { get; } = new("--settle") { Description = "How far behind now a run stops (default per provider).", HelpName = "duration" };

    public Option<string?> Window { get; } = new("--window") { Description = "The window length, dividing 24h (default 1d).", HelpName = "duration" };

    public Option<bool> Once { get; } = new("--once") { Description = "Run once and exit (the default)." };

    public Option<string?> Every { get; } = new("--every") { Description = "Run again every interval (e.g. 5m) until Ctrl+C.", HelpName = "duration" };

    public Option<string?> WorkerId { get; } = new("--worker-id") { Description = "The name this process holds leases under (default: machine-pid-random)." };

    public Option<int?> BatchSize { get; } = new("--batch-size") { Description = "Records per commit inside a window (default 50,000)." };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "No colours (NO_COLOR does the same)." };

    public IEnumerable<Option> Own => [Store, Config, Name, Lookback, Settle, Window, Once, Every, WorkerId, BatchSize, NoColor];

    /// <summary>A duration option's value, checked: <c>90s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c> or <c>hh:mm:ss</c>.</summary>
    /// <exception cref="CdrSdk.Sync.CdrSyncException">The value is not a duration.</exception>
    public static TimeSpan? Duration(ParseResult parse, Option<string?> option)
    {
        if (parse.GetValue(option) is not { } text)
        {
            return null;
        }

        return Tool.Sync.SyncDurations.TryParse(text.Trim(), out var value)
            ? value
            : throw new CdrSdk.Sync.CdrSyncException($"{option.Name} must be a duration such as 90s, 5m, 2h, 1d or 00:05:00, but was '{text}'.") { BeforeAnyWrite = true };
    }
}
