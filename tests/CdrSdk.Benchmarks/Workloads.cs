using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;

namespace CdrSdk.Benchmarks;

/// <summary>The measurable workloads: each streams up to a number of records and returns how many it saw.</summary>
internal static class Workloads
{
    /// <summary>The emulator's static Kazoo token (the default of <c>CdrEmulatorOptions.KazooStaticToken</c>).</summary>
    private static readonly string KazooToken = new CdrSdk.Emulator.CdrEmulatorOptions().KazooStaticToken!;

    public static Func<Uri, long, Task<long>> Get(string name) => name switch
    {
        "kazoo-paged" => (address, count) => KazooAsync(address, count, paginate: true),
        "kazoo-unpaginated" => (address, count) => KazooAsync(address, count, paginate: false),
        _ => throw new ArgumentException($"Unknown workload '{name}'.", nameof(name)),
    };

    private static async Task<long> KazooAsync(Uri address, long count, bool paginate)
    {
        var options = new CdrClientOptions
        {
            Kazoo = { BaseAddress = new Uri(address, "v2"), AuthToken = KazooToken, MaxRangePerRequest = TimeSpan.FromDays(31) },
        };
        await using var client = new CdrClient(options);
        var query = new KazooCdrQuery
        {
            From = CdrSdk.Emulator.EmulatorDataSet.Epoch.AddDays(1),
            To = CdrSdk.Emulator.EmulatorDataSet.Epoch.AddDays(60),
            Ascending = true,
            PageSize = 1000,
            Paginate = paginate,
        };
        var seen = 0L;
        var checksum = 0L;
        await foreach (var cdr in client.Kazoo.Cdrs.ListAsync(KazooDataSet.AccountIds[0], query))
        {
            checksum += cdr.DurationSeconds ?? 0;
            if (++seen >= count)
            {
                break;
            }
        }

        GC.KeepAlive(checksum);
        return seen;
    }
}
