using System.Globalization;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Paging;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Tests.Reliability;

/// <summary>
/// Every provider's record stream under a fifth of its requests failing, with the failures real APIs produce (429
/// with Retry-After, 500, 503, dropped connections, bodies cut off mid-way, answers slower than the attempt
/// timeout): every record arrives exactly once, in order. CI streams <see cref="DefaultRecords"/> records per
/// provider; set <c>CDRSDK_SOAK_RECORDS=100000</c> for the full soak (<c>--filter Category=Soak</c> runs only these). One class per provider, so the providers soak
/// in parallel (most of the time goes to waiting out Retry-After and attempt timeouts).
/// </summary>
public abstract class FaultSoakTests : IAsyncLifetime
{
    /// <summary>Records per provider in CI.</summary>
    public const int DefaultRecords = 20_000;

    /// <summary>The share of requests that fail.</summary>
    public const double FailureShare = 0.2;

    private static readonly DateTimeOffset Since = TestTime.UtcDay(-3);
    private static readonly string Account = KazooDataSet.AccountIds[0];
    private readonly string _provider;
    private CdrEmulator _emulator = null!;

    protected FaultSoakTests(string provider)
    {
        _provider = provider;
    }

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync(o =>
    {
        o.CallsPerHour = 3_600;
        o.MessagesPerHour = 3_600;
    });

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected CdrEmulator Emulator => _emulator;

    /// <summary>Records per provider: <c>CDRSDK_SOAK_RECORDS</c>, or <see cref="DefaultRecords"/>.</summary>
    public static int Records =>
        int.TryParse(Environment.GetEnvironmentVariable("CDRSDK_SOAK_RECORDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultRecords;

    [Fact]
    public async Task Every_record_arrives_exactly_once_in_order_while_a_fifth_of_the_requests_fail()
    {
        var provider = _provider;
        var until = Since + HoursFor(provider);
        await using var client = SoakClient(provider);
        var source = Source(client, provider);
        var expected = await source.ListAsync(Since, until, Ct).Select(Key).ToListAsync(Ct);
        Assert.True(expected.Count >= Records, $"{provider}: the range holds only {expected.Count} records");
        Assert.Equal(expected.Count, expected.Distinct(StringComparer.Ordinal).Count());
        var before = _emulator.Requests.Snapshot().Count;

        AddMixedFaults(provider);
        var streamed = await source.ListAsync(Since, until, Ct).Select(Key).ToListAsync(Ct);

        Assert.Equal(expected, streamed);
        var requests = _emulator.Requests.Snapshot().Count - before;
        var kinds = Enum.GetValues<FaultKind>().Count(k => _emulator.Faults.InjectedOf(k) > 0);
        Assert.True(_emulator.Faults.Injected >= (provider == "telnyx" ? 2 : requests / 10),
            $"{provider}: only {_emulator.Faults.Injected} faults in {requests} requests");
        Assert.True(kinds >= (provider == "telnyx" ? 1 : 4), $"{provider}: only {kinds} kinds of fault were injected");
    }

    [Fact]
    public async Task When_retries_run_out_mid_stream_the_error_carries_a_token_that_resumes_without_loss_or_repeat()
    {
        var provider = _provider;
        var until = Since + TimeSpan.FromHours(1);
        await using var client = SoakClient(provider, maxRetries: 2);
        var source = Source(client, provider, pageSize: 100);
        var expected = await source.ListAsync(Since, until, Ct).Select(Key).ToListAsync(Ct);
        Assert.True(expected.Count > 1_000, $"{provider}: only {expected.Count} records");

        // Fail every attempt from the fourth listing request on (for Telnyx: the download, cut off again and again).
        _emulator.Faults.Add(provider == "telnyx"
            ? new FaultRule { Origin = "download", Kind = FaultKind.TruncateBody, Times = 1_000 }
            : new FaultRule { PathPrefix = ListingPath(provider), After = 3, StatusCode = 503, Times = 1_000 });
        var delivered = new List<string>();
        var ex = await Assert.ThrowsAnyAsync<CdrException>(async () =>
        {
            await foreach (var page in source.ListAsync(Since, until, Ct).AsPages())
            {
                delivered.AddRange(page.Values.Select(Key));
            }
        });

        Assert.True(ex.IsResumable, ex.Message);
        Assert.NotNull(ex.ContinuationToken);
        Assert.NotEmpty(delivered);
        Assert.True(delivered.Count < expected.Count);
        _emulator.Faults.Clear();
        var rest = await source.ListAsync(Since, until, Ct).AsPages(ex.ContinuationToken).SelectMany(p => p.Values.ToAsyncEnumerable()).Select(Key).ToListAsync(Ct);
        Assert.Equal(expected, delivered.Concat(rest));
    }

    /// <summary>The faults: each kind a sixth of <see cref="FailureShare"/>, drawn per request from the emulator's seeded source.</summary>
    protected void AddMixedFaults(string provider)
    {
        if (provider == "telnyx")
        {
            // One report is one download: cut it off twice for sure, and fail a fifth of the polls and resumed ranges.
            _emulator.Faults.Add(new FaultRule { Origin = "download", Kind = FaultKind.TruncateBody, Times = 2 });
        }

        FaultRule Mixed(FaultKind kind, int status = 503, int? retryAfter = null) => new()
        {
            Kind = kind,
            StatusCode = status,
            RetryAfterSeconds = retryAfter,
            Latency = TimeSpan.FromSeconds(3),
            Probability = FailureShare / 6,
            Times = int.MaxValue,

            // Telnyx's only POST creates the report: it may have reached the server, so it is never re-sent by design.
            Method = provider == "telnyx" ? "GET" : null,
            PathPrefix = provider == "telnyx" ? null : ListingPath(provider),
        };

        foreach (var rule in new[]
        {
            Mixed(FaultKind.Status, 429, retryAfter: 1), Mixed(FaultKind.Status, 500), Mixed(FaultKind.Status, 503),
            Mixed(FaultKind.Abort), Mixed(FaultKind.TruncateBody), Mixed(FaultKind.Latency),
        })
        {
            _emulator.Faults.Add(rule);
        }
    }

    private static string ListingPath(string provider) => provider switch
    {
        "kazoo" => $"/v2/accounts/{Account}/cdrs",
        "voiso" => "/api/v4/reporting/cdrs",
        "tsg" => "/graphql",
        _ => "/reporting/cdr_requests",
    };

    /// <summary>The whole hours from <see cref="Since"/> that hold at least <see cref="Records"/> records of the provider.</summary>
    private TimeSpan HoursFor(string provider)
    {
        var hours = Math.Max(1, (int)Math.Floor(Records / (double)CountIn(provider, Since.AddHours(1))));
        while (CountIn(provider, Since.AddHours(hours)) < Records)
        {
            hours++;
        }

        return TimeSpan.FromHours(hours);
    }

    private int CountIn(string provider, DateTimeOffset until) => provider switch
    {
        "kazoo" => _emulator.KazooData.Legs(Account, null, KazooDataSet.Gregorian(Since), KazooDataSet.Gregorian(until) - 1, ascending: false).Count(),
        "voiso" => _emulator.VoisoData.NewestFirst(Since, until).Count(),
        "tsg" => _emulator.TsgData.Records("SMS", Since, until).Count(),
        _ => _emulator.Data.Calls(Since, until).Count(),
    };

    protected CdrClient SoakClient(string provider, int maxRetries = 8)
    {
        void Configure(CdrClientOptions o)
        {
            o.Resilience.MaxRetries = maxRetries;
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(5);
            o.Resilience.MaxDelay = TimeSpan.FromMilliseconds(50);
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(750);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(60);
        }

        return provider switch
        {
            "kazoo" => TestClients.Kazoo(_emulator, configureClient: Configure),
            "voiso" => TestClients.Voiso(_emulator, configureClient: Configure),
            "tsg" => TestClients.Tsg(_emulator, configureClient: Configure),
            _ => TestClients.Telnyx(_emulator, configure: Configure),
        };
    }

    /// <summary>About fifty pages for the CI record count, a hundred for the full soak (1000 is the largest page Voiso and TSG allow).</summary>
    private static int SoakPageSize => Math.Clamp(Records / 50, 50, 1000);

    private static ICdrSource Source(CdrClient client, string provider, int? pageSize = null)
    {
        var size = pageSize ?? SoakPageSize;
        return provider switch
        {
            "kazoo" => client.Kazoo.AsCdrSource(Account, q => q with { PageSize = size }),
            "voiso" => client.Voiso.AsCdrSource(q => q with { Limit = size }),
            "tsg" => client.Tsg.AsCdrSource(TsgCdrType.Sms, q => q with { Limit = size }),
            _ => client.Telnyx.AsCdrSource(),
        };
    }

    private static string Key(CallRecord record) => $"{record.Id}|{record.StartedAt:O}|{record.From}|{record.To}";
}

/// <summary>The Kazoo listing under faults.</summary>
[Trait("Category", "Soak")]
public sealed class KazooFaultSoakTests() : FaultSoakTests("kazoo");

/// <summary>The Voiso listing under faults.</summary>
[Trait("Category", "Soak")]
public sealed class VoisoFaultSoakTests() : FaultSoakTests("voiso");

/// <summary>The TSG listing under faults.</summary>
[Trait("Category", "Soak")]
public sealed class TsgFaultSoakTests() : FaultSoakTests("tsg");

/// <summary>A Telnyx report (polls and download), and the list of report requests, under faults.</summary>
[Trait("Category", "Soak")]
public sealed class TelnyxFaultSoakTests() : FaultSoakTests("telnyx")
{
    [Fact]
    public async Task Every_report_request_of_the_list_arrives_exactly_once_in_order_while_a_fifth_of_the_requests_fail()
    {
        await using var client = SoakClient("telnyx");

        // Setup, before any fault: a client with the usual test timeouts creates the reports. The soak client's
        // 750 ms attempt timeout is for the listing under faults; a POST is never re-sent after a timeout, so on a
        // loaded machine a slow first POST through it would fail the setup, not the behaviour under test.
        await using (var setup = TestClients.Telnyx(Emulator))
        {
            for (var i = 0; i < 300; i++)
            {
                await setup.Telnyx.CdrReports.CreateAsync(new CdrReportRequest { StartTime = TestTime.UtcDay(-2), EndTime = TestTime.UtcDay(-2).AddMinutes(i + 1) }, Ct);
            }
        }

        var expected = await client.Telnyx.CdrReports.ListAsync(Ct).AsPages(pageSizeHint: 5).SelectMany(p => p.Values.ToAsyncEnumerable()).Select(r => r.Id).ToListAsync(Ct);
        AddMixedFaults("telnyx");
        var listed = await client.Telnyx.CdrReports.ListAsync(Ct).AsPages(pageSizeHint: 5).SelectMany(p => p.Values.ToAsyncEnumerable()).Select(r => r.Id).ToListAsync(Ct);

        Assert.Equal(300, expected.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected, listed);
        Assert.True(Emulator.Faults.Injected >= 6, $"only {Emulator.Faults.Injected} faults in 60 pages");
    }
}
