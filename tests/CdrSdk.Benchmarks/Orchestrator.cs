using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CdrSdk.Benchmarks;

/// <summary>Starts the emulator process, runs each scenario's measurements in fresh processes, prints a table and writes JSON.</summary>
internal static class Orchestrator
{
    private sealed record Scenario(string Name, string Description, (string Case, long Count)[] Runs, Func<IReadOnlyList<MeasurementResult>, (bool Pass, string Verdict)> Judge);

    private static readonly Scenario[] Scenarios =
    [
        new("kazoo-memory", "Kazoo summaries streamed: memory must not grow with the count (peak working set at 800k within 1.2x of 200k)",
            [("kazoo-paged", 200_000), ("kazoo-paged", 800_000), ("kazoo-unpaginated", 200_000), ("kazoo-unpaginated", 800_000)],
            results =>
            {
                var paged = results[1].PeakWorkingSetBytes / (double)results[0].PeakWorkingSetBytes;
                var streamed = results[3].PeakWorkingSetBytes / (double)results[2].PeakWorkingSetBytes;
                var pass = paged <= 1.2 && streamed <= 1.2;
                return (pass, string.Create(CultureInfo.InvariantCulture, $"peak working set 800k/200k: paged {paged:0.00}x, unpaginated {streamed:0.00}x (target <= 1.20x)"));
            }),
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

        using var server = StartChild("serve 5000");
        var address = (await ReadLineStartingAsync(server, "ADDRESS ")).Trim();
        var report = new StringBuilder();
        var all = new List<MeasurementResult>();
        var failed = false;
        foreach (var scenario in scenarios)
        {
            Console.WriteLine($"== {scenario.Name}: {scenario.Description}");
            var results = new List<MeasurementResult>();
            foreach (var (name, count) in scenario.Runs)
            {
                using var child = StartChild($"measure {name} {address} {count.ToString(CultureInfo.InvariantCulture)}");
                var json = await ReadLineStartingAsync(child, "RESULT ");
                await child.WaitForExitAsync();
                var result = JsonSerializer.Deserialize(json, HarnessJson.Default.MeasurementResult)!;
                results.Add(result);
                Console.WriteLine(Row(result));
            }

            var (pass, verdict) = scenario.Judge(results);
            failed |= !pass;
            Console.WriteLine($"   {(pass ? "PASS" : "MISS")}: {verdict}");
            report.AppendLine(CultureInfo.InvariantCulture, $"{scenario.Name}: {(pass ? "PASS" : "MISS")} {verdict}");
            all.AddRange(results);
        }

        await server.StandardInput.DisposeAsync();
        await server.WaitForExitAsync();
        var path = Path.Combine(Environment.CurrentDirectory, "benchmark-results.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(all, HarnessJson.Default.ListMeasurementResult));
        Console.WriteLine($"Results written to {path}");
        return failed ? 1 : 0;
    }

    private static string Row(MeasurementResult r) => string.Create(CultureInfo.InvariantCulture,
        $"   {r.Case,-20} {r.Records,10:N0} records {r.RecordsPerSecond,12:N0} rec/s {r.AllocatedBytesPerRecord,9:N0} B/rec  peak WS {r.PeakWorkingSetBytes / 1048576.0,7:N1} MB  heap after {r.ManagedHeapAfterBytes / 1048576.0,6:N1} MB  GCs {r.Gen0Collections}/{r.Gen1Collections}/{r.Gen2Collections}");

    private static Process StartChild(string arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
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
