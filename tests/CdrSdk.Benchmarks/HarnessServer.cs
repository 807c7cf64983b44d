using System.Globalization;
using CdrSdk.Emulator;

namespace CdrSdk.Benchmarks;

/// <summary>Runs the emulator in its own process (calls per hour, latency per listing page in ms) and prints its address; stops when stdin closes.</summary>
internal static class HarnessServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var callsPerHour = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var latency = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0);
        var emulator = await CdrEmulator.StartAsync(new CdrEmulatorOptions
        {
            CallsPerHour = callsPerHour,
            MessagesPerHour = callsPerHour,
            ReportCompletionDelay = TimeSpan.FromMilliseconds(100),
        });
        if (latency > TimeSpan.Zero)
        {
            // Every listing page waits this long before it is answered, like a distant server.
            emulator.Faults.Add(new FaultRule { Kind = FaultKind.Latency, Latency = latency, PathPrefix = "/v2/accounts", Times = int.MaxValue });
        }

        await using (emulator.ConfigureAwait(false))
        {
            Console.WriteLine("ADDRESS " + emulator.BaseAddress);
            Console.Out.Flush();
            await Console.In.ReadToEndAsync().ConfigureAwait(false);
        }

        return 0;
    }
}
