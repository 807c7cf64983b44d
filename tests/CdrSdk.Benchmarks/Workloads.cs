using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CdrSdk.Core.Csv;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CsvHelper;

namespace CdrSdk.Benchmarks;

/// <summary>
/// The measurable workloads: each reads up to a number of records from the emulator (or a report file) and
/// returns how many it saw. The SDK and its baselines read the same data from the same server.
/// </summary>
internal static class Workloads
{
    /// <summary>The order-sensitive id fingerprint of the last run of a workload that computes one.</summary>
    public static long? LastFingerprint { get; private set; }

    /// <summary>Per-page caller work in the prefetch scenario.</summary>
    private static readonly TimeSpan CallerWorkPerPage = TimeSpan.FromMilliseconds(20);

    private static readonly CdrEmulatorOptions Defaults = new();
    private static readonly DateTimeOffset From = EmulatorDataSet.Epoch.AddDays(1);
    private static readonly DateTimeOffset To = EmulatorDataSet.Epoch.AddDays(60);

    public static Func<Uri, long, Task<long>> Get(string name) => name switch
    {
        "kazoo-paged" or "sdk" => (address, count) => SdkKazooAsync(address, count, paginate: true, prefetch: 1),
        "sdk-on-demand" => (address, count) => SdkKazooAsync(address, count, paginate: true, prefetch: 0),
        "kazoo-unpaginated" => (address, count) => SdkKazooAsync(address, count, paginate: false, prefetch: 1),
        "raw" => RawKazooAsync,
        "naive" => NaiveKazooAsync,
        "prefetch-off" => (address, count) => SdkKazooPagesAsync(address, count, prefetch: 0),
        "prefetch-on" => (address, count) => SdkKazooPagesAsync(address, count, prefetch: 1),
        "windows-1" => (address, count) => WindowsAsync(address, count, concurrency: 1),
        "windows-4" => (address, count) => WindowsAsync(address, count, concurrency: 4),
        "csv-sdk" => (address, count) => CsvAsync(address, count, sdk: true),
        "csv-raw" => (address, count) => CsvAsync(address, count, sdk: false),
        _ when SyncWorkloads.Handles(name) => SyncWorkloads.Get(name),
        _ => throw new ArgumentException($"Unknown workload '{name}'.", nameof(name)),
    };

    /// <summary>One client per process and setting, reused by the warm-up and the measured run (an application keeps its client).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Uri Address, int Prefetch), CdrClient> KazooClients = new();

    /// <summary>One HTTP client per process and baseline, reused like the SDK's client.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Uri Address, bool Naive), HttpClient> HttpClients = new();

    private static CdrClient KazooClient(Uri address, int prefetch) => KazooClients.GetOrAdd((address, prefetch), static key => new(new CdrClientOptions
    {
        Kazoo = { BaseAddress = new Uri(key.Address, "v2"), AuthToken = Defaults.KazooStaticToken, MaxRangePerRequest = TimeSpan.FromDays(31) },
        Paging = { PrefetchPages = key.Prefetch },
    }));

    private static HttpClient BaselineClient(Uri address, bool naive) => HttpClients.GetOrAdd((address, naive), static key =>
    {
        var http = new HttpClient { BaseAddress = new Uri(key.Address, "v2/") };
        if (key.Naive)
        {
            http.DefaultRequestHeaders.Add("X-Auth-Token", Defaults.KazooStaticToken);
        }

        return http;
    });

    private static KazooCdrQuery KazooQuery(bool paginate) => new() { From = From, To = To, Ascending = true, PageSize = 1000, Paginate = paginate };

    /// <summary>The SDK: every record through <c>IKazooCdrs.ListAsync</c>.</summary>
    private static async Task<long> SdkKazooAsync(Uri address, long count, bool paginate, int prefetch)
    {
        var client = KazooClient(address, prefetch);
        var seen = 0L;
        var checksum = 0L;
        await foreach (var cdr in client.Kazoo.Cdrs.ListAsync(KazooDataSet.AccountIds[0], KazooQuery(paginate)))
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

    /// <summary>The SDK page by page, with <see cref="CallerWorkPerPage"/> of work on each page (the prefetch scenario).</summary>
    private static async Task<long> SdkKazooPagesAsync(Uri address, long count, int prefetch)
    {
        var client = KazooClient(address, prefetch);
        var seen = 0L;
        await foreach (var page in client.Kazoo.Cdrs.ListAsync(KazooDataSet.AccountIds[0], KazooQuery(paginate: true)).AsPages())
        {
            seen += page.Values.Count;
            await Task.Delay(CallerWorkPerPage);
            if (seen >= count)
            {
                break;
            }
        }

        return seen;
    }

    /// <summary>
    /// A 30-day Kazoo range, 200 legs a page, read with the range cut into windows fetched <paramref name="concurrency"/>
    /// at a time. Keeps an order-sensitive fingerprint of the ids (<see cref="LastFingerprint"/>), so runs can be compared record for record.
    /// </summary>
    private static async Task<long> WindowsAsync(Uri address, long count, int concurrency)
    {
        await using var client = new CdrClient(new CdrClientOptions
        {
            Kazoo = { BaseAddress = new Uri(address, "v2"), AuthToken = Defaults.KazooStaticToken },
            Paging = { MaxConcurrency = concurrency },
        });
        var query = new KazooCdrQuery { From = From, To = From.AddDays(30), Ascending = true, PageSize = 200 };
        var seen = 0L;
        var fingerprint = 17L;
        await foreach (var cdr in client.Kazoo.Cdrs.ListAsync(KazooDataSet.AccountIds[0], query))
        {
            fingerprint = Fingerprint(fingerprint, cdr.Id);
            if (++seen >= count)
            {
                break;
            }
        }

        LastFingerprint = fingerprint;
        return seen;
    }

    /// <summary>An order-sensitive hash that is the same in every process (string.GetHashCode is randomized per process).</summary>
    private static long Fingerprint(long seed, string? text)
    {
        var hash = seed;
        foreach (var c in text ?? string.Empty)
        {
            hash = unchecked((hash * 1_099_511_628_211) ^ c);
        }

        return unchecked((hash * 31) + 7);
    }

    /// <summary>The physical limit: HttpClient, response stream, source-generated System.Text.Json, no SDK.</summary>
    private static async Task<long> RawKazooAsync(Uri address, long count)
    {
        var http = BaselineClient(address, naive: false);
        var tally = new Tally(count);
        string? startKey = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, KazooPageUrl(startKey));
            request.Headers.Add("X-Auth-Token", Defaults.KazooStaticToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var page = await JsonSerializer.DeserializeAsync(body, RawKazooJson.Default.RawKazooPage);
            startKey = tally.Add(page!.Data!) ? null : page.NextStartKey;
        }
        while (startKey is not null);

        return tally.Seen;
    }

    /// <summary>What a typical hand-written client does: the body as a string, then Newtonsoft.Json.</summary>
    private static async Task<long> NaiveKazooAsync(Uri address, long count)
    {
        var http = BaselineClient(address, naive: true);
        var tally = new Tally(count);
        string? startKey = null;
        do
        {
            var text = await http.GetStringAsync(KazooPageUrl(startKey));
            var page = Newtonsoft.Json.JsonConvert.DeserializeObject<RawKazooPage>(text)!;
            startKey = tally.Add(page.Data!) ? null : page.NextStartKey;
        }
        while (startKey is not null);

        return tally.Seen;
    }

    /// <summary>One 31-day window, ascending, 1000 a page: the same requests the SDK sends for this range.</summary>
    private static string KazooPageUrl(string? startKey)
    {
        var from = KazooDataSet.Gregorian(From);
        var to = from + (31 * 86_400) - 1;
        var url = string.Create(CultureInfo.InvariantCulture, $"accounts/{KazooDataSet.AccountIds[0]}/cdrs?created_from={from}&created_to={to}&page_size=1000&ascending=true");
        return startKey is null ? url : url + "&start_key=" + Uri.EscapeDataString(startKey);
    }

    /// <summary>
    /// Parses a Telnyx report CSV from a local file: the SDK's row reader into typed rows (reading the id and the
    /// duration of each), or CsvHelper's reader with every field read as a string and the duration parsed.
    /// The file is downloaded from the emulator once and reused.
    /// </summary>
    private static async Task<long> CsvAsync(Uri address, long count, bool sdk)
    {
        var file = await ReportFile.EnsureAsync(address);
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var seen = 0L;
        var checksum = 0L;
        if (sdk)
        {
            await foreach (var row in CsvRecordReader.ReadAsync(stream, static (h, f) => new CdrReportRow(h, f), CancellationToken.None))
            {
                checksum += (row.DurationSeconds ?? 0) + (row.Id?.Length ?? 0);
                if (++seen >= count)
                {
                    break;
                }
            }
        }
        else
        {
            await using var reader = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = true }, leaveOpen: true);
            var duration = -1;
            while (await reader.ReadAsync())
            {
                if (duration < 0)
                {
                    duration = Array.IndexOf(reader.Headers.ToArray(), "call_sec");
                }

                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetString(i);
                }

                checksum += long.Parse(fields[duration], CultureInfo.InvariantCulture) + fields[0].Length;
                if (++seen >= count)
                {
                    break;
                }
            }
        }

        GC.KeepAlive(checksum);
        return seen;
    }

    /// <summary>Counts the baselines' records up to the limit and touches one field of each, like the SDK workload.</summary>
    private sealed class Tally(long limit)
    {
        private long _checksum;

        public long Seen { get; private set; }

        /// <summary>Adds a page; <see langword="true"/> once the limit is reached.</summary>
        public bool Add(List<RawKazooCdr> page)
        {
            foreach (var cdr in page)
            {
                _checksum += cdr.DurationSeconds ?? 0;
                if (++Seen >= limit)
                {
                    GC.KeepAlive(_checksum);
                    return true;
                }
            }

            return false;
        }
    }
}
