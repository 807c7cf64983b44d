using System.Globalization;

namespace CdrSdk.Benchmarks;

/// <summary>
/// The sync scenario's targets: at 1,000,000 records, DuckDB at least 0.8x and PostgreSQL at least 0.5x the
/// records/s of <c>cdr export</c> to CSV; each store's peak working set at 1,000,000 within 1.2x of that at 100,000.
/// </summary>
internal static class SyncVerdict
{
    public static (bool Pass, string Verdict) Judge(IReadOnlyList<MeasurementResult> results)
    {
        var (export, duck, postgres, duckSmall, postgresSmall) = (results[0], results[1], results[2], results[3], results[4]);
        var duckSpeed = duck.RecordsPerSecond / export.RecordsPerSecond;
        var postgresSpeed = postgres.RecordsPerSecond / export.RecordsPerSecond;
        var duckMemory = duck.PeakWorkingSetBytes / (double)duckSmall.PeakWorkingSetBytes;
        var postgresMemory = postgres.PeakWorkingSetBytes / (double)postgresSmall.PeakWorkingSetBytes;
        var same = export.Records == duck.Records && export.Records == postgres.Records;
        var pass = duckSpeed >= 0.8 && postgresSpeed >= 0.5 && duckMemory <= 1.2 && postgresMemory <= 1.2 && same;
        return (pass, string.Create(CultureInfo.InvariantCulture,
            $"DuckDB/export records/s {duckSpeed:0.00}x (>= 0.80), PostgreSQL/export {postgresSpeed:0.00}x (>= 0.50); peak working set 1M/100k DuckDB {duckMemory:0.00}x, PostgreSQL {postgresMemory:0.00}x (<= 1.20); same records: {(same ? "yes" : "NO")} ({export.Records:N0}); CPU µs/record export {export.CpuMicrosecondsPerRecord:0.00}, DuckDB {duck.CpuMicrosecondsPerRecord:0.00}, PostgreSQL {postgres.CpuMicrosecondsPerRecord:0.00}{Machine(export, duck, postgres)}"));
    }

    /// <summary>
    /// What each case cost the whole machine: the client's, the emulator's and the database server's CPU a record
    /// added up, and the share of the cores left idle. The processes share the machine's cores, so records/s is at
    /// most the cores' time over that sum; empty where <c>/proc</c> could not be read.
    /// </summary>
    private static string Machine(params MeasurementResult[] cases) =>
        cases.Any(c => c.ServerCpuMicrosecondsPerRecord is null || c.MachineIdleShare is null)
            ? ""
            : "; all processes' CPU µs/record (client + emulator + database), idle share: " + string.Join(", ", cases.Select(c => string.Create(CultureInfo.InvariantCulture,
                $"{c.Case} {c.CpuMicrosecondsPerRecord:0.00} + {c.ServerCpuMicrosecondsPerRecord:0.00} + {c.DatabaseCpuMicrosecondsPerRecord ?? 0:0.00} = {c.CpuMicrosecondsPerRecord + c.ServerCpuMicrosecondsPerRecord + (c.DatabaseCpuMicrosecondsPerRecord ?? 0):0.00}, idle {c.MachineIdleShare:P0}")));

    /// <summary>The store-only scenario: each store's CPU per record, and its peak working set at 1,000,000 within 1.2x of 100,000.</summary>
    public static (bool Pass, string Verdict) JudgeStores(IReadOnlyList<MeasurementResult> results)
    {
        var (duck, postgres, duckSmall, postgresSmall) = (results[0], results[1], results[2], results[3]);
        var duckMemory = duck.PeakWorkingSetBytes / (double)duckSmall.PeakWorkingSetBytes;
        var postgresMemory = postgres.PeakWorkingSetBytes / (double)postgresSmall.PeakWorkingSetBytes;
        return (duckMemory <= 1.2 && postgresMemory <= 1.2, string.Create(CultureInfo.InvariantCulture,
            $"CPU µs/record DuckDB {duck.CpuMicrosecondsPerRecord:0.00}, PostgreSQL (client) {postgres.CpuMicrosecondsPerRecord:0.00}; peak working set 1M/100k DuckDB {duckMemory:0.00}x, PostgreSQL {postgresMemory:0.00}x (<= 1.20)"));
    }
}
