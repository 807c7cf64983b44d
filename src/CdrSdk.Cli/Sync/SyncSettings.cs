using CdrSdk.Tool.Export;

namespace CdrSdk.Tool.Sync;

/// <summary>What <c>cdr sync</c> was asked to do, parsed from the command line.</summary>
internal sealed record SyncSettings
{
    /// <summary>The <c>--store</c> value (it may hold a password: never print it; print the store's <c>Location</c>).</summary>
    public string? Store { get; init; }

    /// <summary>A sync configuration (<c>CdrSync</c> section or root: store, sources, options).</summary>
    public FileInfo? ConfigFile { get; init; }

    /// <summary>One source from the command line (like <c>cdr export</c>), when there is no <see cref="ConfigFile"/>.</summary>
    public ExportSettings? Source { get; init; }

    /// <summary><c>--from</c>: where the first run starts (or, with <see cref="Resync"/>, the range read again).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary><c>--to</c>: the source's fixed end (or, with <see cref="Resync"/>, the end of the range read again).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary><c>--resync</c>: read [<see cref="From"/>, <see cref="To"/>) again and upsert it without moving the watermark.</summary>
    public bool Resync { get; init; }

    public string? SourceName { get; init; }

    public TimeSpan? Lookback { get; init; }

    public TimeSpan? Settle { get; init; }

    public TimeSpan? Window { get; init; }

    /// <summary>Run again this long after each run started, until Ctrl+C; <see langword="null"/> runs once.</summary>
    public TimeSpan? Every { get; init; }

    public string? WorkerId { get; init; }

    public int? BatchSize { get; init; }
}
