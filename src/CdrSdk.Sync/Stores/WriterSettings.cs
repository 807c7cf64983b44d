namespace CdrSdk.Sync.Stores;

/// <summary>What a store's writer needs to know of the run beyond the source.</summary>
/// <param name="BatchSize">Rows per commit (<see cref="CdrSyncOptions.BatchSize"/>).</param>
/// <param name="Time">The engine's clock, for the synced-at times of rows written before their commit.</param>
internal sealed record WriterSettings(int BatchSize, TimeProvider Time);
