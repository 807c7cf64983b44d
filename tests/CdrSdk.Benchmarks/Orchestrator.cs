using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CdrSdk.Benchmarks;

/// <summary>Starts the emulator process, runs each scenario's measurements in fresh processes, prints a table and writes JSON.</summary>
internal static class Orchestrator
{
    private sealed record Scenario(string Name, string Description, string Server, (string Case, long Count)[] Runs, Func<IReadOnlyList<MeasurementResult>, (bool Pass, string Verdict)> Judge)
    {
        /// <summary>What the median is taken of: records/s, or the peak working set for memory scenarios.</summary>
        public Func<MeasurementResult, double> MedianBy { get; init; } = r => r.RecordsPerSecond;

        /// <summary>Environment variables every measuring child of the scenario gets (each case alike).</summary>
        public IReadOnlyDictionary<string, string> ChildEnvironment { get; init; } = new Dictionary<string, string>();
    }

    /// <summary>
    /// For the sync scenarios, every child (export included, 100k and 1M alike) runs with one fixed generation-0 budget of
    /// 64 MB (the GC's minimum and maximum budget set equal): by default the GC grows that budget from about 40 MB to
    /// 80-114 MB as it learns that almost nothing survives, which long runs reach more surely than short ones, so the
    /// peak working set of 1M against 100k measured the GC's learning more than the sync's memory. Fixed, the budget is
    /// the same in both sizes, and whatever the sync keeps still shows as growth.
    /// </summary>
    private static readonly Dictionary<string, string> FixedGen0Budget = new()
    {
        ["DOTNET_GCgen0size"] = "0x4000000",
        ["DOTNET_GCgen0MaxBudget"] = "0x4000000",
    };

    private const long All = long.MaxValue;

    /// <summary>How many times each case runs; the median counts.</summary>
    private const int Rounds = 3;

    private static readonly Scenario[] Scenarios =
    [
        new("stream", "1,000,000 Kazoo records, 1000 per page: the SDK against a raw HttpClient + source-generated JSON loop and a naive string + Newtonsoft loop",
            "replay 1000 0",
            [("raw", 1_000_000), ("sdk", 1_000_000), ("naive", 1_000_000), ("sdk-on-demand", 1_000_000)],
            results =>
            {
                // The targets of issue 11 (steady state, one client per process, medians of interleaved runs).
                var (raw, sdk, naive) = (results[0], results[1], results[2]);
                var speed = sdk.RecordsPerSecond / raw.RecordsPerSecond;
                var cpu = sdk.CpuMicrosecondsPerRecord / raw.CpuMicrosecondsPerRecord;
                var memory = sdk.AllocatedBytesPerRecord / raw.AllocatedBytesPerRecord;
                var versusNaive = sdk.RecordsPerSecond / naive.RecordsPerSecond;
                var pass = speed >= 0.95 && cpu <= 1.10 && memory <= 1.05;
                return (pass, Invariant($"SDK/raw records/s {speed:0.00}x (>= 0.95), SDK/raw CPU per record {cpu:0.00}x (<= 1.10), SDK/raw bytes/record {memory:0.00}x (<= 1.05); SDK/naive records/s {versusNaive:0.00}x, naive/SDK CPU per record {naive.CpuMicrosecondsPerRecord / sdk.CpuMicrosecondsPerRecord:0.00}x"));
            }),
        new("prefetch", "100 pages of 1000 with 20 ms server latency per page and 20 ms caller work per page: prefetch on against off",
            "replay 100 20",
            [("prefetch-off", 100_000), ("prefetch-on", 100_000)],
            results =>
            {
                var gain = results[1].RecordsPerSecond / results[0].RecordsPerSecond;
                return (gain >= 1.6, Invariant($"prefetch on/off records/s {gain:0.00}x (>= 1.60)"));
            }),
        new("concurrency", "A 30-day Kazoo range, 200 legs a page, 20 ms server latency per page: MaxConcurrency 4 against 1",
            "serve 200 20",
            [("windows-1", All), ("windows-4", All)],
            results =>
            {
                var gain = results[1].RecordsPerSecond / results[0].RecordsPerSecond;
                var same = results[0].Records == results[1].Records && results[0].Fingerprint == results[1].Fingerprint;
                return (gain >= 3 && same, Invariant($"concurrency 4/1 records/s {gain:0.00}x (>= 3.00); same records in the same order: {(same ? "yes" : "NO")} ({results[1].Records:N0} records)"));
            }),
        new("csv", "A 500 MB Telnyx report CSV read into typed rows by the SDK against CsvHelper's reader with every field as a string",
            "serve 5000 0",
            [("csv-raw", All), ("csv-sdk", All)],
            results =>
            {
                var ratio = results[1].RecordsPerSecond / results[0].RecordsPerSecond;
                return (ratio >= 0.8 && results[0].Records == results[1].Records, Invariant($"SDK/CsvHelper rows/s {ratio:0.00}x (>= 0.80), {results[1].Records:N0} rows each"));
            }),
        new("memory", "Kazoo records streamed: peak working set at 1,000,000 within 1.2x of that at 100,000",
            "replay 1000 0",
            [("sdk", 100_000), ("sdk", 1_000_000)],
            results =>
            {
                var ratio = results[1].PeakWorkingSetBytes / (double)results[0].PeakWorkingSetBytes;
                return (ratio <= 1.2, Invariant($"peak working set 1M/100k {ratio:0.00}x (<= 1.20)"));
            })
        {
            MedianBy = r => r.PeakWorkingSetBytes,
        },
        new("sync", "1,000,000 Kazoo legs: cdr sync into DuckDB and into PostgreSQL against cdr export to CSV of the same records; sync memory at 1M against 100k",
            "serve 5000 0",
            [("export-csv", 1_000_000), ("sync-duckdb", 1_000_000), ("sync-postgres", 1_000_000), ("sync-duckdb", 100_000), ("sync-postgres", 100_000)],
            SyncVerdict.Judge)
        {
            ChildEnvironment = FixedGen0Budget,
        },
        new("sync-store", "The sync engine and each store alone, records from memory (no HTTP): CPU per record; peak working set at 1,000,000 within 1.2x of 100,000",
            "serve 5000 0",
            [("store-duckdb", 1_000_000), ("store-postgres", 1_000_000), ("store-duckdb", 100_000), ("store-postgres", 100_000)],
            SyncVerdict.JudgeStores)
        {
            ChildEnvironment = FixedGen0Budget,
        },
        new("kazoo-memory", "Kazoo summaries streamed paged and unpaginated: peak working set at 800k within 1.2x of 200k",
            "serve 5000 0",
            [("kazoo-paged", 200_000), ("kazoo-paged", 800_000), ("kazoo-unpaginated", 200_000), ("kazoo-unpaginated", 800_000)],
            results =>
            {
                var paged = results[1].PeakWorkingSetBytes / (double)results[0].PeakWorkingSetBytes;
                var streamed = results[3].PeakWorkingSetBytes / (double)results[2].PeakWorkingSetBytes;
                var pass = paged <= 1.2 && streamed <= 1.2;
                return (pass, Invariant($"peak working set 800k/200k: paged {paged:0.00}x, unpaginated {streamed:0.00}x (<= 1.20)"));
            })
        {
            MedianBy = r => r.PeakWorkingSetBytes,
        },
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var selected = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var scenarios = selected == "all" ? Scenarios : Scenarios.Where(s => s.Name == selected).ToArray();
        if (scenarios.Length == 0)
        {
            Console.Error.WriteLine($"Unknown scenario '{selected}'. Known: all, {string.Join(", ", Scenarios.Select(s => s.Name))}.");
            return 2;
        }

        var report = new StringBuilder();
        var all = new List<MeasurementResult>();
        var failed = false;
        foreach (var scenario in scenarios)
        {
            Console.WriteLine($"== {scenario.Name}: {scenario.Description}");
            using var server = StartChild(scenario.Server);
            var address = (await ReadLineStartingAsync(server, "ADDRESS ")).Trim();
            // Each case runs Rounds times, interleaved so a slow moment of a shared machine hits every case alike,
            // and each round starts one case later (a b c, b c a, c a b) so no case always runs after the same
            // one: two cases running the same code measured 10% apart by their place in a fixed order. The verdict
            // uses each case's median run.
            var rounds = new List<MeasurementResult>[scenario.Runs.Length];
            var environment = new Dictionary<string, string>(scenario.ChildEnvironment)
            {
                [Measurement.ServerProcessIdVariable] = server.Id.ToString(CultureInfo.InvariantCulture),
            };
            for (var round = 0; round < Rounds; round++)
            {
                for (var step = 0; step < scenario.Runs.Length; step++)
                {
                    var i = (round + step) % scenario.Runs.Length;
                    var (name, count) = scenario.Runs[i];
                    using var child = StartChild($"measure {name} {address} {count.ToString(CultureInfo.InvariantCulture)}", environment);
                    var json = await ReadLineStartingAsync(child, "RESULT ");
                    await child.WaitForExitAsync();
                    (rounds[i] ??= []).Add(JsonSerializer.Deserialize(json, HarnessJson.Default.MeasurementResult)!);
                }
            }

            var results = rounds.Select(r => r.OrderBy(scenario.MedianBy).ElementAt(r.Count / 2)).ToList();
            foreach (var result in results)
            {
                Console.WriteLine(Row(result));
            }

            var (pass, verdict) = scenario.Judge(results);
            failed |= !pass;
            Console.WriteLine($"   {(pass ? "PASS" : "MISS")}: {verdict}");
            report.AppendLine(CultureInfo.InvariantCulture, $"{scenario.Name}: {(pass ? "PASS" : "MISS")} {verdict}");
            all.AddRange(rounds.SelectMany(r => r));
            await server.StandardInput.DisposeAsync();
            await server.WaitForExitAsync();
        }

        var path = Path.Combine(Environment.CurrentDirectory, "benchmark-results.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(all, HarnessJson.Default.ListMeasurementResult));
        Console.WriteLine($"Results written to {path}");
        return failed ? 1 : 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Row(MeasurementResult r) => string.Create(CultureInfo.InvariantCulture,
        $"   {r.Case,-14} {r.Records,10:N0} records {r.RecordsPerSecond,10:N0} rec/s {r.CpuMicrosecondsPerRecord,6:N2} CPU µs/rec {r.AllocatedBytesPerRecord,7:N0} B/rec  peak WS {r.PeakWorkingSetBytes / 1048576.0,7:N1} MB  heap after {r.ManagedHeapAfterBytes / 1048576.0,6:N1} MB  GCs {r.Gen0Collections}/{r.Gen1Collections}/{r.Gen2Collections}  JIT {r.JitMillisecondsMeasured,5:N0} ms{OtherCpu(r)}");

    /// <summary>The emulator's and the database server's CPU a record and the machine's idle share, where they were read.</summary>
    private static string OtherCpu(MeasurementResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{(r.ServerCpuMicrosecondsPerRecord is { } server ? $"  emulator {server:N2} µs/rec" : "")}{(r.DatabaseCpuMicrosecondsPerRecord is { } database ? $"  database {database:N2} µs/rec" : "")}{(r.MachineIdleShare is { } idle ? $"  idle {idle:P0}" : "")}");

    private static Process StartChild(string arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start " + arguments);
    }

    private static async Task<string> ReadLineStartingAsync(Process process, string prefix)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }
        }

        throw new InvalidOperationException($"The child process ended without a '{prefix.Trim()}' line.");
    }
}
