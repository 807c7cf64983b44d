using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Paging;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Paging;

/// <summary>Listings of a range cut into windows fetched concurrently: same records, same order, resumable, bounded.</summary>
public sealed class ConcurrentWindowTests : IAsyncLifetime
{
    private static readonly string Account = KazooDataSet.AccountIds[0];
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-6);
    private static readonly DateTimeOffset Until = TestTime.UtcDay(-2);
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true, 4)]
    [InlineData(false, 4)]
    [InlineData(true, 16)]
    public async Task Kazoo_windows_fetched_concurrently_give_the_same_records_in_the_same_order(bool ascending, int concurrency)
    {
        var query = new KazooCdrQuery { From = Since, To = Until, Ascending = ascending, PageSize = 50 };
        await using var sequential = TestClients.Kazoo(_emulator);
        await using var concurrent = TestClients.Kazoo(_emulator, maxConcurrency: concurrency);

        var one = await sequential.Kazoo.Cdrs.ListAsync(Account, query, Ct).Select(c => c.Id).ToListAsync(Ct);
        var many = await concurrent.Kazoo.Cdrs.ListAsync(Account, query, Ct).Select(c => c.Id).ToListAsync(Ct);

        var expected = _emulator.KazooData.Legs(Account, null, KazooDataSet.Gregorian(Since), KazooDataSet.Gregorian(Until) - 1, ascending).Select(l => l.CdrId);
        Assert.Equal(expected, one);
        Assert.Equal(expected, many);
    }

    [Fact]
    public async Task Voiso_and_tsg_windows_give_the_same_records_in_the_same_order_and_tokens_resume_in_either_mode()
    {
        var voisoQuery = new CdrSdk.Voiso.VoisoCdrQuery { StartedAt = CdrSdk.Voiso.VoisoTimeFilter.Between(Since, Until), Limit = 60 };
        var tsgQuery = new CdrSdk.Tsg.TsgCdrQuery { Type = CdrSdk.Tsg.TsgCdrType.Sms, Start = Since, End = Until, Limit = 60 };
        await using var voiso1 = TestClients.Voiso(_emulator);
        await using var voiso4 = TestClients.Voiso(_emulator, maxConcurrency: 4);
        await using var tsg1 = TestClients.Tsg(_emulator);
        await using var tsg4 = TestClients.Tsg(_emulator, maxConcurrency: 4);

        var voisoAll = await voiso1.Voiso.Cdrs.ListAsync(voisoQuery, Ct).Select(c => c.Id).ToListAsync(Ct);
        var voisoPages = await voiso4.Voiso.Cdrs.ListAsync(voisoQuery, Ct).AsPages().ToListAsync(Ct);
        var tsgAll = await tsg1.Tsg.Cdrs.ListAsync(tsgQuery, Ct).Select(c => c.Datetime).ToListAsync(Ct);
        var tsgPages = await tsg4.Tsg.Cdrs.ListAsync(tsgQuery, Ct).AsPages().ToListAsync(Ct);

        Assert.Equal(_emulator.VoisoData.NewestFirst(Since, Until).Select(r => r.Id), voisoAll);
        Assert.Equal(voisoAll, voisoPages.SelectMany(p => p.Values).Select(c => c.Id));
        Assert.Equal(tsgAll, tsgPages.SelectMany(p => p.Values).Select(c => c.Datetime));
        Assert.True(tsgAll.Count > 200);
        var middle = voisoPages.Count / 2;
        var rest = await voiso1.Voiso.Cdrs.ListAsync(voisoQuery, Ct).AsPages(voisoPages[middle].ContinuationToken).SelectMany(p => p.Values.ToAsyncEnumerable()).Select(c => c.Id).ToListAsync(Ct);
        Assert.Equal(voisoAll, voisoPages.Take(middle + 1).SelectMany(p => p.Values).Select(c => c.Id).Concat(rest));
        var tsgMiddle = tsgPages.Count / 3;
        var tsgRest = await tsg1.Tsg.Cdrs.ListAsync(tsgQuery, Ct).AsPages(tsgPages[tsgMiddle].ContinuationToken).SelectMany(p => p.Values.ToAsyncEnumerable()).Select(c => c.Datetime).ToListAsync(Ct);
        Assert.Equal(tsgAll, tsgPages.Take(tsgMiddle + 1).SelectMany(p => p.Values).Select(c => c.Datetime).Concat(tsgRest));
        Assert.Throws<ArgumentException>(() => tsg4.Tsg.Cdrs.ListAsync(tsgQuery with { Start = Until.AddDays(-1) }, Ct).AsPages(tsgPages[^2].ContinuationToken));
    }

    [Fact]
    public async Task The_first_requests_open_as_many_windows_as_allowed()
    {
        _emulator.Faults.Add(new FaultRule { Kind = FaultKind.Latency, Latency = TimeSpan.FromMilliseconds(30), PathPrefix = "/v2/accounts", Times = 10_000 });
        await using var client = TestClients.Kazoo(_emulator, maxConcurrency: 4);

        await client.Kazoo.Cdrs.ListAsync(Account, new KazooCdrQuery { From = Since, To = Until, Ascending = true, PageSize = 50 }, Ct).CountAsync(Ct);

        var first = _emulator.Requests.Snapshot().Take(4).Select(r => Parameter(r.QueryString, "created_from")).ToList();
        Assert.Equal(4, first.Distinct(StringComparer.Ordinal).Count());
        Assert.All(_emulator.Requests.Snapshot().Take(4), r => Assert.DoesNotContain("start_key", r.QueryString, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_from_a_concurrent_listing_resumes_exactly_with_or_without_concurrency()
    {
        var query = new KazooCdrQuery { From = Since, To = Until, Ascending = true, PageSize = 40 };
        await using var concurrent = TestClients.Kazoo(_emulator, maxConcurrency: 4);
        await using var sequential = TestClients.Kazoo(_emulator);
        var pages = await concurrent.Kazoo.Cdrs.ListAsync(Account, query, Ct).AsPages().ToListAsync(Ct);
        var all = pages.SelectMany(p => p.Values).Select(v => v.Id).ToList();

        foreach (var stop in new[] { 0, pages.Count / 3, pages.Count / 2, pages.Count - 2 })
        {
            var before = pages.Take(stop + 1).SelectMany(p => p.Values).Select(v => v.Id);
            var token = pages[stop].ContinuationToken;
            var viaConcurrent = await concurrent.Kazoo.Cdrs.ListAsync(Account, query, Ct).AsPages(token).SelectMany(p => p.Values.ToAsyncEnumerable()).Select(v => v.Id).ToListAsync(Ct);
            var viaSequential = await sequential.Kazoo.Cdrs.ListAsync(Account, query, Ct).AsPages(token).SelectMany(p => p.Values.ToAsyncEnumerable()).Select(v => v.Id).ToListAsync(Ct);

            Assert.Equal(all, before.Concat(viaConcurrent));
            Assert.Equal(all, before.Concat(viaSequential));
        }
    }

    [Fact]
    public async Task A_failing_window_surfaces_when_reached_with_the_last_delivered_token_and_resumes()
    {
        var query = new KazooCdrQuery { From = Since, To = Until, Ascending = true, PageSize = 40 };
        await using var client = TestClients.Kazoo(_emulator, maxConcurrency: 4);
        var all = await client.Kazoo.Cdrs.ListAsync(Account, query, Ct).Select(c => c.Id).ToListAsync(Ct);
        _emulator.Requests.Clear();
        _emulator.Faults.Add(new FaultRule { PathPrefix = "/v2/accounts", StatusCode = 500, After = 30, Times = 1000 });
        var delivered = new List<string?>();
        string? last = null;

        var ex = await Assert.ThrowsAsync<CdrApiException>(async () =>
        {
            await foreach (var page in client.Kazoo.Cdrs.ListAsync(Account, query, Ct).AsPages())
            {
                delivered.AddRange(page.Values.Select(v => v.Id));
                last = page.ContinuationToken;
            }
        });
        _emulator.Faults.Clear();
        var rest = await client.Kazoo.Cdrs.ListAsync(Account, query, Ct).AsPages(ex.ContinuationToken).SelectMany(p => p.Values.ToAsyncEnumerable()).Select(v => v.Id).ToListAsync(Ct);

        Assert.Equal(last, ex.ContinuationToken);
        Assert.True(delivered.Count > 0 && delivered.Count < all.Count);
        Assert.Equal(all, delivered.Concat(rest));
    }

    [Fact]
    public void Concurrency_outside_its_range_is_rejected_with_the_option_name()
    {
        var ex = Assert.Throws<CdrValidationException>(() => new CdrClient(new CdrClientOptions
        {
            Kazoo = { BaseAddress = new Uri("http://127.0.0.1:1/v2"), AuthToken = "t" },
            Paging = { MaxConcurrency = 17, PrefetchPages = -1 },
        }));

        Assert.Contains(ex.Errors, e => e.PropertyName == "Paging.MaxConcurrency" && e.Message.Contains("between 1 and 16", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.PropertyName == "Paging.PrefetchPages" && e.Message.Contains("between 0 and 8", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 24 * 60, null)]
    [InlineData(4, 128 * 60, 3600)]
    [InlineData(4, 30 * 24 * 60, 20_250)]
    [InlineData(4, 60, 60)]
    [InlineData(1 + 1, 2 * 365 * 24 * 60 * 64, 31 * 86_400)]
    public void Windows_are_thirty_two_per_worker_between_a_minute_and_the_server_maximum(int workers, int minutes, int? seconds)
    {
        var window = CdrPagingOptions.ConcurrentWindow(TimeSpan.FromMinutes(minutes), workers, TimeSpan.FromDays(31));

        Assert.Equal(seconds, window is { } w ? (int)w.TotalSeconds : null);
    }

    private static string Parameter(string query, string name) =>
        query.TrimStart('?').Split('&').First(p => p.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
}
