using System.Globalization;
using CdrSdk.Emulator;

namespace CdrSdk.Benchmarks;

/// <summary>Runs the emulator in its own process and prints its address; stops when stdin closes.</summary>
internal static class HarnessServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var callsPerHour = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var emulator = await CdrEmulator.StartAsync(new CdrEmulatorOptions { CallsPerHour = callsPerHour, MessagesPerHour = callsPerHour });
        await using (emulator.ConfigureAwait(false))
        {
            Console.WriteLine("ADDRESS " + emulator.BaseAddress);
            Console.Out.Flush();
            await Console.In.ReadToEndAsync().ConfigureAwait(false);
        }

        return 0;
    }
}
