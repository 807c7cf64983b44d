namespace CdrSdk.Sync;

/// <summary>
/// How syncs run: the store and sources (when bound from configuration, for <c>cdr sync --config</c> and
/// <c>services.AddCdrSync</c>), concurrency, batch size, leases and the interval between runs. Bind it from a
/// section such as <c>"CdrSync"</c>; docs/sync.md has the full reference with an example file.
/// </summary>
public sealed class CdrSyncOptions
{
    /// <summary>The default <see cref="BatchSize"/> of a DuckDB store: 250,000 records.</summary>
    public const int DefaultDuckDbBatchSize = 250_000;

    /// <summary>The default <see cref="BatchSize"/> of a PostgreSQL store: 50,000 records.</summary>
    public const int DefaultPostgresBatchSize = 50_000;

    /// <summary>
    /// The store: <c>duckdb:PATH</c>, <c>postgres:CONNECTION-STRING</c> (or a <c>postgres://</c> URL) or
    /// <c>parquet:DIR</c>. Used by the hosted service and the command line; the engine itself is given a store.
    /// </summary>
    public string? Store { get; set; }

    /// <summary>The sources (for the hosted service and <c>cdr sync --config</c>).</summary>
    public IList<CdrSyncSourceOptions> Sources { get; } = [];

    /// <summary>Time between the starts of two runs of the hosted service (and <c>cdr sync --every</c>); default 5 minutes, at least 1 second.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sources synced at the same time, 1 to 64; default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// Sources of one provider synced at the same time, 1 to 64; default 2. Sources of one provider with the same
    /// credentials share one client and so its client-side rate limit.
    /// </summary>
    public int MaxConcurrencyPerProvider { get; set; } = 2;

    /// <summary>
    /// Records per commit inside a window, 1 to 10,000,000; <see langword="null"/> (the default) for the store's:
    /// <see cref="DefaultDuckDbBatchSize"/> for DuckDB (a commit there, with the checkpoint after it, costs about the
    /// same whatever its size, so fewer are cheaper), <see cref="DefaultPostgresBatchSize"/> for PostgreSQL (smaller
    /// batches overlap its commits better with the reading). Each commit stores the records with the continuation
    /// token of the next page, so a crash re-reads at most about two batches. The Parquet store commits whole
    /// windows only.
    /// </summary>
    public int? BatchSize { get; set; }

    /// <summary>
    /// How long a worker's lease on a source lasts without renewal, 2 seconds to 1 hour; default 1 minute. A
    /// worker renews it every third of that while it syncs; when a worker dies, another takes the source over
    /// once the lease expired. Only PostgreSQL stores share sources between processes.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The name this worker holds leases under; default <c>{machine}-{process id}-{random}</c>.</summary>
    public string? WorkerId { get; set; }

    /// <summary>
    /// Whether a run waits for sources another worker holds: until that worker ended its run of them, or its lease
    /// expired and this worker took them over. Default <see langword="true"/>; <see langword="false"/> reports
    /// them as <see cref="CdrSyncOutcome.Skipped"/> at once.
    /// </summary>
    public bool WaitForLeasedSources { get; set; } = true;

    /// <summary>
    /// The memory limit of the embedded DuckDB (DuckDB store, and the Parquet store, which merges through DuckDB),
    /// a size such as <c>256MB</c> or <c>2GB</c>; <see langword="null"/> (the default) for <c>64MB</c> in the DuckDB
    /// store and <c>128MB</c> in the Parquet store. It bounds DuckDB's cache of the file and its working memory; what
    /// does not fit spills to a folder next to the file (<c>{file}.tmp</c>). The primary key's index is written to the
    /// file after each commit, so the table can grow far beyond the limit.
    /// </summary>
    public string? DuckDbMemoryLimit { get; set; }
}
