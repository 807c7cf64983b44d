using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Paging;
using CdrSdk.Sync;

namespace CdrSdk.Benchmarks;

/// <summary>
/// The sync engine and a store alone, without HTTP: <c>CdrSyncEngine</c> reads Kazoo records from memory (5,000 real
/// legs read once from the harness server through the SDK, repeated with new ids and times, 1000 a page) into a fresh
/// DuckDB file or PostgreSQL database. What a sync costs beyond reading the records, per record.
/// </summary>
internal static class StoreWorkloads
{
    private static readonly DateTimeOffset From = EmulatorDataSet.Epoch.AddDays(1);
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(360);
    private static Task<CallRecord[]>? s_templates;

    public static bool Handles(string name) => name is "store-duckdb" or "store-postgres";

    public static Func<Uri, long, Task<long>> Get(string name) => (address, count) => RunAsync(address, count, postgres: name == "store-postgres");

    private static async Task<long> RunAsync(Uri address, long count, bool postgres)
    {
        var templates = await (s_templates ??= ReadTemplatesAsync(address));
        await using var bench = await SyncWorkloads.FreshStoreAsync(postgres);
        var store = CdrSyncStore.Open(bench.Location);
        await using (store)
        {
            using var engine = new CdrSyncEngine(store);
            var source = new CdrSyncSource { Name = "bench", Records = new MemorySource(templates), Start = From, End = From + Spacing * count, PageSize = 1000 };
            var result = await engine.RunAsync([source]);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(result.Sources[0].Error);
            }
        }

        return await bench.CountAsync();
    }

    private static async Task<CallRecord[]> ReadTemplatesAsync(Uri address)
    {
        await using var client = new CdrClient(new CdrClientOptions { Kazoo = { BaseAddress = new Uri(address, "v2"), AuthToken = new CdrEmulatorOptions().KazooStaticToken } });
        var records = new List<CallRecord>();
        await foreach (var record in client.Kazoo.AsCdrSource(KazooDataSet.AccountIds[0]).ListAsync(From, From.AddDays(1)))
        {
            records.Add(record);
            if (records.Count == 5000)
            {
                break;
            }
        }

        return [.. records];
    }

    /// <summary>Record <c>i</c> starts at <c>From + i × 360 ms</c> and is template <c>i mod 5000</c> with id <c>bench-{i}</c>.</summary>
    private sealed class MemorySource(CallRecord[] templates) : ICdrSource
    {
        public CdrProvider Provider => CdrProvider.Kazoo;

        public AsyncPageable<CallRecord> ListAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
            new Pages(templates, Index(since), Index(until));

        private static long Index(DateTimeOffset time) => (time - From).Ticks / Spacing.Ticks + ((time - From).Ticks % Spacing.Ticks == 0 ? 0 : 1);

        private sealed class Pages(CallRecord[] templates, long first, long end) : AsyncPageable<CallRecord>
        {
            public override async IAsyncEnumerable<Page<CallRecord>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
            {
                var size = pageSizeHint ?? 1000;
                for (var start = continuationToken is null ? first : long.Parse(continuationToken, System.Globalization.CultureInfo.InvariantCulture); start < end; start += size)
                {
                    var stop = Math.Min(end, start + size);
                    var values = new CallRecord[stop - start];
                    for (var i = start; i < stop; i++)
                    {
                        var at = From + Spacing * i;
                        var template = templates[i % templates.Length];
                        values[i - start] = template with { Id = "bench-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), StartedAt = at, EndedAt = at + (template.Duration ?? TimeSpan.Zero) };
                    }

                    await Task.Yield();
                    yield return Page<CallRecord>.FromValues(values, stop < end ? stop.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
                }
            }
        }
    }
}
