using System.Runtime.InteropServices;
using CdrSdk.Sync.Records;
using DuckDB.NET.Data;

namespace CdrSdk.Sync.Stores.DuckDb;

/// <summary>A row's content columns as DuckDB's appender takes them, in <see cref="SyncColumns.Content"/> order.</summary>
internal static class DuckDbRowValues
{
    public static IDuckDBAppenderRow AppendContent(this IDuckDBAppenderRow appender, SyncRow row) =>
        appender
            .AppendValue(row.Id)
            .AppendValue(row.Kind)
            .AppendValue(row.Direction)
            .AppendValue(row.From)
            .AppendValue(row.To)
            .AppendValue(row.StartedAt)
            .AppendValue(row.AnsweredAt)
            .AppendValue(row.EndedAt)
            .AppendValue(row.DurationSeconds)
            .AppendValue(row.BillableSeconds)
            .AppendValue(row.Outcome)
            .AppendValue(row.RawOutcome)
            .AppendValue(row.Cost)
            .AppendValue(row.Currency)
            .AppendValue(MemoryMarshal.AsMemory(row.Record).Span)
            .AppendValue(row.ContentHash);

    /// <summary>
    /// Rows the appender holds before they are flushed into their table: at most 8,192 (half a row group of the store),
    /// and at least four times a batch, so that a batch's rows reach its table (and its transaction) as it grows.
    /// </summary>
    /// <remarks>
    /// DuckDB's appender keeps its rows in memory of its own, outside the buffer pool and so outside the memory limit,
    /// until 204,800 rows or its close: a whole batch (about 2 KB a record with its JSON) would sit there. Closed every
    /// few thousand rows, they go into the table, which the memory limit bounds (and spills to disk beyond it).
    /// </remarks>
    public static int FlushRows(int batchSize) => Math.Clamp(batchSize / 4, 1, MaxFlushRows);

    /// <summary>The most rows the appender holds before a flush: half a row group of the store.</summary>
    public const int MaxFlushRows = DuckDbStore.RowGroupSize / 2;

    /// <summary>DuckDB reports a primary key violation (at an append, or at the commit) as an error naming the duplicate key.</summary>
    public static bool IsKeyConflict(DuckDBException exception) =>
        exception.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)
        || exception.Message.Contains("violates primary key", StringComparison.OrdinalIgnoreCase);
}
