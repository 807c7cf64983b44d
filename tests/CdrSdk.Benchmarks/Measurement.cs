using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;

namespace CdrSdk.Benchmarks;

/// <summary>One measured run, in a process of its own: streams records and reports rate, allocation and memory.</summary>
internal static class Measurement
{
    /// <summary>Warm-up slices at least and at most; each runs the workload on a tenth of the records (2,000 to 50,000).</summary>
    private const int MinWarmUpPasses = 3;

    private const int MaxWarmUpPasses = 20;

    /// <summary>A slice (with its quiet wait) that spends less JIT time than this means tiered compilation has settled.</summary>
    private static readonly TimeSpan SettledJitTime = TimeSpan.FromMilliseconds(5);

    /// <summary>How long no method may be compiled before a slice counts as finished (the runtime delays tier-up by 100 ms, longer on a loaded machine).</summary>
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait for a quiet period after a slice.</summary>
    private static readonly TimeSpan MaxQuietWait = TimeSpan.FromSeconds(5);

    /// <summary>The environment variable through which the orchestrator gives a measuring child the emulator's process id.</summary>
    public const string ServerProcessIdVariable = "CDRSDK_BENCH_SERVER_PID";

    public static async Task<int> RunAsync(string[] args)
    {
        var name = args[0];
        var baseAddress = new Uri(args[1]);
        var count = long.Parse(args[2], CultureInfo.InvariantCulture);
        var workload = Workloads.Get(name);

        // Warm up (JIT tiering, connection pool) on slices until tiered compilation has settled, then measure the
        // steady state. Tiered compilation re-compiles hot methods in the background (tier 0, instrumented, tier 1)
        // after a delay that every new compilation extends; one slice, or a fixed pause after it, ended before that
        // happened on a loaded machine, so hundreds of tier-1 compilations (up to 1.5 s of JIT, more for a larger
        // code base) fell into the measured run and counted as CPU per record. So each slice is followed by a wait
        // for a quiet period without compilations, and warm-up ends once a slice spends (almost) no JIT time.
        // The JIT time left in the measured run is reported beside it. The workloads reuse one client per
        // process (as an application does), so the client's own set-up is not measured either.
        var slice = Math.Clamp(count / 10, 2_000, 50_000);
        for (var pass = 1; pass <= MaxWarmUpPasses; pass++)
        {
            var jitBeforeSlice = System.Runtime.JitInfo.GetCompilationTime();
            await workload(baseAddress, slice);
            await WaitForQuietJitAsync();
            if (pass >= MinWarmUpPasses && System.Runtime.JitInfo.GetCompilationTime() - jitBeforeSlice < SettledJitTime)
            {
                break;
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        // The emulator's process (the orchestrator says which) and the database server's, when a workload started one.
        var serverProcessId = int.TryParse(Environment.GetEnvironmentVariable(ServerProcessIdVariable), CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
        var databaseProcessId = SyncWorkloads.DatabaseServerProcessId;
        var othersBefore = CpuAccounting.Read(serverProcessId, databaseProcessId);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var records = await workload(baseAddress, count);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var (serverCpu, databaseCpu, idle) = CpuAccounting.Read(serverProcessId, databaseProcessId).Since(othersBefore, records);
        var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
        var methods = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;

        var result = new MeasurementResult(name, records, watch.Elapsed.TotalSeconds, records / watch.Elapsed.TotalSeconds,
            (double)allocated / Math.Max(1, records), process.PeakWorkingSet64, GC.GetTotalMemory(forceFullCollection: true),
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2,
            cpu.TotalMilliseconds * 1000 / Math.Max(1, records),
            Workloads.LastFingerprint,
            jit.TotalMilliseconds,
            (int)methods,
            serverCpu,
            databaseCpu,
            idle);
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result, HarnessJson.Default.MeasurementResult));
        return 0;
    }

    /// <summary>Waits until no method has been compiled for <see cref="QuietPeriod"/> (at most <see cref="MaxQuietWait"/>).</summary>
    private static async Task WaitForQuietJitAsync()
    {
        var waited = Stopwatch.StartNew();
        var quietSince = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (quietSince.Elapsed < QuietPeriod && waited.Elapsed < MaxQuietWait)
        {
            await Task.Delay(100);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quietSince.Restart();
            }
        }
    }
}
