using System.Text;
using System.Text.Json;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Tests.Reliability;

/// <summary>
/// Broken or hostile answers (a proxy's HTML, the wrong content type, invalid UTF-8, absurd nesting or size, cursors
/// that go round or never end) each end in a clear <see cref="CdrTransportException"/>: never a hang, never a raw
/// <see cref="JsonException"/>, and the token of the last good page is kept for resuming.
/// </summary>
public sealed class HostileResponseTests : IAsyncLifetime
{
    private const string VoisoPath = "/api/v4/reporting/cdrs";
    private static readonly string Account = KazooDataSet.AccountIds[0];
    private static readonly string KazooPath = $"/v2/accounts/{Account}/cdrs";
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-3);
    private static readonly DateTimeOffset Until = TestTime.UtcDay(-2);
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static KazooCdrQuery KazooQuery => new() { From = Since, To = Until, PageSize = 50, Ascending = true };

    private static VoisoCdrQuery VoisoQuery => new() { StartedAt = VoisoTimeFilter.Between(Since, Until), Limit = 50 };

    private static TsgCdrQuery TsgQuery => new() { Type = TsgCdrType.Sms, Start = Since, End = Until, Limit = 50 };

    [Fact]
    public async Task A_proxy_html_page_in_the_middle_of_a_listing_keeps_the_token_of_the_last_good_page()
    {
        await using var client = TestClients.Kazoo(_emulator);
        var expected = await client.Kazoo.Cdrs.ListAsync(Account, KazooQuery, Ct).Select(c => c.Id).ToListAsync(Ct);
        _emulator.Faults.Add(new FaultRule { PathPrefix = KazooPath, After = 2, StatusCode = 200, ContentType = "text/html; charset=utf-8", Body = "<html><body><h1>Please wait</h1></body></html>" });

        var seen = new List<string?>();
        var ex = await Assert.ThrowsAsync<CdrTransportException>(async () =>
        {
            await foreach (var page in client.Kazoo.Cdrs.ListAsync(Account, KazooQuery, Ct).AsPages())
            {
                seen.AddRange(page.Values.Select(c => c.Id));
            }
        });

        Assert.Equal(CdrTransportFailure.InvalidResponse, ex.Failure);
        Assert.Contains("'text/html' instead of JSON", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Please wait", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.IsResumable);
        Assert.Equal(100, seen.Count);
        var rest = await client.Kazoo.Cdrs.ListAsync(Account, KazooQuery, Ct).AsPages(ex.ContinuationToken).SelectMany(p => p.Values.ToAsyncEnumerable()).Select(c => c.Id).ToListAsync(Ct);
        Assert.Equal(expected, seen.Concat(rest));
    }

    [Fact]
    public async Task A_plain_text_answer_labelled_as_anything_is_an_invalid_response_naming_the_request()
    {
        await using var client = TestClients.Voiso(_emulator);
        _emulator.Faults.Add(new FaultRule { PathPrefix = VoisoPath, StatusCode = 200, ContentType = "text/plain", Body = "upstream connect error or disconnect/reset before headers" });

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => client.Voiso.Cdrs.ListAsync(VoisoQuery, Ct).ToListAsync(Ct).AsTask());

        Assert.Equal(CdrTransportFailure.InvalidResponse, ex.Failure);
        Assert.StartsWith($"Voiso GET {VoisoPath} answered with a body that is not the documented JSON", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Null(ex.ContinuationToken);
        Assert.True(ex.IsResumable);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_record_is_an_invalid_response()
    {
        await using var client = TestClients.Tsg(_emulator);
        var body = Encoding.UTF8.GetBytes("""{"data":{"cdrRecords":{"paginationInfo":{"nextCursor":null,"limit":50},"cdrs":[{"__typename":"MessageCdr","fromNumber":"+1555""")
            .Concat(new byte[] { 0xC3, 0x28, 0xFF })
            .Concat(Encoding.UTF8.GetBytes("\"}]}}}"))
            .ToArray();
        _emulator.Faults.Add(new FaultRule { PathPrefix = "/graphql", StatusCode = 200, BodyBytes = body });

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => client.Tsg.Cdrs.ListAsync(TsgQuery, Ct).ToListAsync(Ct).AsTask());

        Assert.Equal(CdrTransportFailure.InvalidResponse, ex.Failure);
        Assert.Contains("TSG POST /graphql", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$.fromNumber", ex.Message, StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Absurdly_deep_nesting_is_stopped_at_the_json_depth_limit()
    {
        await using var client = TestClients.Voiso(_emulator);
        var deep = "{\"items\":[" + new string('[', 100_000) + new string(']', 100_000) + "],\"metadata\":{}}";
        _emulator.Faults.Add(new FaultRule { PathPrefix = VoisoPath, StatusCode = 200, Body = deep });

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => client.Voiso.Cdrs.ListAsync(VoisoQuery, Ct).ToListAsync(Ct).AsTask());

        Assert.Equal(CdrTransportFailure.InvalidResponse, ex.Failure);
        Assert.Contains("depth", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_page_larger_than_the_limit_is_refused_while_it_streams_in()
    {
        await using var client = TestClients.Kazoo(_emulator);
        _emulator.Faults.Add(new FaultRule { PathPrefix = KazooPath, StatusCode = 200, BodyBytes = Filled("{\"data\":\"", 65) });

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => client.Kazoo.Cdrs.ListAsync(Account, KazooQuery, Ct).ToListAsync(Ct).AsTask());

        Assert.Equal(CdrTransportFailure.InvalidResponse, ex.Failure);
        Assert.Contains($"Kazoo GET /accounts/{Account}/cdrs answered with a body larger than 64 MiB", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, _emulator.Requests.Snapshot().Count(r => r.Path == KazooPath));
    }

    [Fact]
    public async Task One_item_larger_than_the_item_limit_stops_an_unpaginated_stream()
    {
        await using var client = TestClients.Kazoo(_emulator);
        _emulator.Faults.Add(new FaultRule { PathPrefix = KazooPath, StatusCode = 200, BodyBytes = Filled("{\"status\":\"success\",\"data\":[{\"id\":\"", 17) });

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => client.Kazoo.Cdrs.ListAsync(Account, KazooQuery with { Paginate = false }, Ct).ToListAsync(Ct).AsTask());

        Assert.Equal(CdrTransportFailure.InvalidResponse, ex.Failure);
        Assert.Contains("16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cursor_handed_out_again_is_stopped_with_the_token_of_the_last_good_page()
    {
        await using var client = TestClients.Voiso(_emulator);
        _emulator.Faults.Add(new FaultRule
        {
            PathPrefix = VoisoPath,
            After = 1,
            Times = 10,
            StatusCode = 200,
            Body = """{"items":[{"id":"loop-1","type":"call","started_at":"2026-01-01T00:00:00Z","data":{}}],"metadata":{"next_cursor":"stuck-cursor"}}""",
        });

        var seen = new List<string?>();
        var ex = await Assert.ThrowsAsync<CdrTransportException>(async () =>
        {
            await foreach (var page in client.Voiso.Cdrs.ListAsync(VoisoQuery, Ct).AsPages())
            {
                seen.AddRange(page.Values.Select(v => v.Id));
            }
        });

        Assert.Equal(CdrTransportFailure.InvalidResponse, ex.Failure);
        Assert.StartsWith("Voiso handed out a cursor it had already returned", ex.Message, StringComparison.Ordinal);
        Assert.Equal(51, seen.Count);
        Assert.Equal(1, seen.Count(id => id == "loop-1"));
        Assert.NotNull(ex.ContinuationToken);
        Assert.Equal(3, _emulator.Requests.Snapshot().Count(r => r.Path == VoisoPath));
    }

    [Theory]
    [InlineData(CdrProvider.Kazoo)]
    [InlineData(CdrProvider.Voiso)]
    [InlineData(CdrProvider.Tsg)]
    public async Task Empty_pages_that_never_stop_saying_more_follows_end_after_the_configured_count(CdrProvider provider)
    {
        var (path, body) = provider switch
        {
            CdrProvider.Kazoo => (KazooPath, (Func<int, string>)(n => $$$"""{"status":"success","data":[],"page_size":"0","next_start_key":"{{{n}}}","request_id":"r{{{n}}}"}""")),
            CdrProvider.Voiso => (VoisoPath, n => $$$"""{"items":[],"metadata":{"next_cursor":"c{{{n}}}"}}"""),
            _ => ("/graphql", n => $$$$"""{"data":{"cdrRecords":{"paginationInfo":{"nextCursor":"c{{{{n}}}}","limit":50},"cdrs":[]}}}"""),
        };
        _emulator.Faults.Add(new FaultRule { PathPrefix = path, StatusCode = 200, Times = 1000, BodyForHit = body });
        void Paging(CdrClientOptions o) => o.Paging.MaxEmptyPages = 5;
        await using var client = provider switch
        {
            CdrProvider.Kazoo => TestClients.Kazoo(_emulator, configureClient: Paging),
            CdrProvider.Voiso => TestClients.Voiso(_emulator, configureClient: Paging),
            _ => TestClients.Tsg(_emulator, configureClient: Paging),
        };
        var listing = provider switch
        {
            CdrProvider.Kazoo => client.Kazoo.Cdrs.ListAsync(Account, KazooQuery, Ct).Select(c => c.Id),
            CdrProvider.Voiso => client.Voiso.Cdrs.ListAsync(VoisoQuery, Ct).Select(c => c.Id),
            _ => client.Tsg.Cdrs.ListAsync(TsgQuery, Ct).Select(c => (string?)c.Typename),
        };

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => listing.ToListAsync(Ct).AsTask());

        Assert.Equal(CdrTransportFailure.InvalidResponse, ex.Failure);
        Assert.Contains("6 empty pages in a row", ex.Message, StringComparison.Ordinal);
        Assert.InRange(_emulator.Requests.Snapshot().Count(r => r.Path == path), 6, 8);
    }

    /// <summary>A body of <paramref name="mebibytes"/> MiB: <paramref name="start"/>, then a string that never ends.</summary>
    private static byte[] Filled(string start, int mebibytes)
    {
        var body = new byte[mebibytes * 1024 * 1024];
        Array.Fill(body, (byte)'x');
        Encoding.UTF8.GetBytes(start).CopyTo(body, 0);
        return body;
    }
}
