using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;

namespace CdrSdk.Benchmarks;

/// <summary>One measured run, in a process of its own: streams records and reports rate, allocation and memory.</summary>
internal static class Measurement
{
    public static async Task<int> RunAsync(string[] args)
    {
        var name = args[0];
        var baseAddress = new Uri(args[1]);
        var count = long.Parse(args[2], CultureInfo.InvariantCulture);
        var workload = Workloads.Get(name);

        // Warm up (JIT tiering, connection pool) on a slice, then measure the steady state.
        await workload(baseAddress, Math.Clamp(count / 10, 2_000, 50_000));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var records = await workload(baseAddress, count);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var result = new MeasurementResult(name, records, watch.Elapsed.TotalSeconds, records / watch.Elapsed.TotalSeconds,
            (double)allocated / Math.Max(1, records), process.PeakWorkingSet64, GC.GetTotalMemory(forceFullCollection: true),
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2,
            cpu.TotalMilliseconds * 1000 / Math.Max(1, records),
            Workloads.LastFingerprint);
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result, HarnessJson.Default.MeasurementResult));
        return 0;
    }
}
