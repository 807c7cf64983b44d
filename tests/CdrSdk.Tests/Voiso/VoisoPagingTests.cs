using CdrSdk.Emulator;
using CdrSdk.Paging;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Voiso;

namespace CdrSdk.Tests.Voiso;

/// <summary>Offset then cursor paging past the 10,000-record limit, resuming, the cursor failure path, and validation.</summary>
public sealed class VoisoPagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One record per second: [start, start + 25,000 s) holds exactly 25,000 records.</summary>
    private static readonly DateTimeOffset Start = TestTime.UtcDay(-2);
    private static readonly VoisoCdrQuery Range = new() { StartedAt = VoisoTimeFilter.Between(Start, Start.AddSeconds(25_000)), Limit = 1000 };

    private static Task<CdrEmulator> DenseEmulator(VoisoCursorMode mode) =>
        TestClients.StartEmulatorAsync(o =>
        {
            o.CallsPerHour = 3600;
            o.VoisoCursorMode = mode;
        });

    private static async Task<List<Page<VoisoCdr>>> Pages(IAsyncEnumerable<Page<VoisoCdr>> pages)
    {
        var list = new List<Page<VoisoCdr>>();
        await foreach (var page in pages)
        {
            list.Add(page);
        }

        return list;
    }

    [Theory]
    [InlineData(VoisoCursorMode.AtOffsetLimit)]
    [InlineData(VoisoCursorMode.Always)]
    public async Task Paging_25000_records_crosses_the_offset_limit_with_exact_count_and_no_duplicates(VoisoCursorMode mode)
    {
        await using var emulator = await DenseEmulator(mode);
        await using var client = TestClients.Voiso(emulator);

        var pages = await Pages(client.Voiso.Cdrs.ListAsync(Range, Ct).AsPages());

        var ids = pages.SelectMany(p => p.Values).Select(r => r.Id!).ToList();
        Assert.Equal(25_000, ids.Count);
        Assert.Equal(25_000, ids.Distinct().Count());
        Assert.Equal(emulator.VoisoData.NewestFirst(Start, Start.AddSeconds(25_000)).Select(r => r.Id), ids);
        Assert.Equal(25, pages.Count);
        var queries = emulator.Requests.Snapshot().Select(r => r.QueryString).ToList();
        Assert.Equal(25, queries.Count);
        Assert.All(queries, q => Assert.False(q.Contains("cursor=", StringComparison.Ordinal) && !q.Contains("offset=-1", StringComparison.Ordinal), "a cursor is always guarded"));
        var offsetRequests = queries.Count(q => !q.Contains("cursor=", StringComparison.Ordinal));
        Assert.Equal(mode == VoisoCursorMode.Always ? 1 : 10, offsetRequests);
        Assert.All(queries.Take(offsetRequests), q => Assert.DoesNotContain("cursor=", q, StringComparison.Ordinal));
        Assert.Contains(mode == VoisoCursorMode.Always ? "offset=0" : "offset=9000", queries[offsetRequests - 1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resuming_from_a_saved_token_continues_exactly_in_the_offset_and_the_cursor_phases()
    {
        await using var emulator = await DenseEmulator(VoisoCursorMode.AtOffsetLimit);
        await using var client = TestClients.Voiso(emulator);
        var all = await Pages(client.Voiso.Cdrs.ListAsync(Range, Ct).AsPages());

        foreach (var cut in new[] { 3, 10, 17 })
        {
            var rest = await Pages(client.Voiso.Cdrs.ListAsync(Range, Ct).AsPages(all[cut - 1].ContinuationToken));
            Assert.Equal(all.Skip(cut).SelectMany(p => p.Values).Select(r => r.Id), rest.SelectMany(p => p.Values).Select(r => r.Id));
        }
    }

    [Fact]
    public async Task An_expired_cursor_fails_with_the_last_good_token_instead_of_restarting_silently()
    {
        await using var emulator = await DenseEmulator(VoisoCursorMode.Always);
        await using var client = TestClients.Voiso(emulator, prefetchPages: 0);
        var delivered = new List<string>();
        string? lastToken = null;

        var ex = await Assert.ThrowsAsync<VoisoInvalidCursorException>(async () =>
        {
            await foreach (var page in client.Voiso.Cdrs.ListAsync(Range, Ct).AsPages())
            {
                delivered.AddRange(page.Values.Select(r => r.Id!));
                lastToken = page.ContinuationToken;
                if (delivered.Count == 3000)
                {
                    emulator.ExpireVoisoCursors();
                }
            }
        });

        Assert.Equal(3000, delivered.Count);
        Assert.True(ex.IsResumable);
        Assert.Equal(lastToken, ex.ContinuationToken);
        var inner = Assert.IsType<CdrApiException>(ex.InnerException);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, inner.StatusCode);
        Assert.Contains("offset=-1", emulator.Requests.Snapshot()[^1].QueryString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_guard_the_api_would_silently_restart_from_offset_zero()
    {
        // Why the guard exists: an unguarded expired cursor falls back to offset 0 and repeats records.
        await using var emulator = await DenseEmulator(VoisoCursorMode.Always);
        await using var client = TestClients.Voiso(emulator, o => o.GuardCursorWithInvalidOffset = false, prefetchPages: 0);
        var delivered = new List<string>();
        await foreach (var page in client.Voiso.Cdrs.ListAsync(Range, Ct).AsPages())
        {
            delivered.AddRange(page.Values.Select(r => r.Id!));
            if (delivered.Count == 2000)
            {
                emulator.ExpireVoisoCursors();
            }

            if (delivered.Count >= 4000)
            {
                break;
            }
        }

        Assert.Equal(delivered.Take(1000), delivered.Skip(2000).Take(1000));
    }

    [Fact]
    public async Task A_zero_limit_counts_without_listing()
    {
        await using var emulator = await DenseEmulator(VoisoCursorMode.Always);
        await using var client = TestClients.Voiso(emulator);

        var pages = await Pages(client.Voiso.Cdrs.ListAsync(Range with { Limit = 0 }, Ct).AsPages());

        Assert.Empty(Assert.Single(pages).Values);
        Assert.Equal(25_000, await client.Voiso.Cdrs.CountAsync(Range, Ct));
        Assert.All(emulator.Requests.Snapshot(), r => Assert.Contains("limit=0", r.QueryString, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_initial_offset_skips_records()
    {
        await using var emulator = await DenseEmulator(VoisoCursorMode.Always);
        await using var client = TestClients.Voiso(emulator);

        var first = await client.Voiso.Cdrs.ListAsync(Range with { Offset = 1234, Limit = 10 }, Ct).AsPages().FirstAsync(Ct);

        Assert.Equal(emulator.VoisoData.NewestFirst(Start, Start.AddSeconds(25_000)).Skip(1234).Take(10).Select(r => r.Id), first.Values.Select(r => r.Id));
    }

    public static TheoryData<string, VoisoCdrQuery, string, string> Invalid => new()
    {
        { "empty list", new() { QueueId = [] }, "QueueId", "is empty" },
        { "blank value", new() { UserId = ["1", " "] }, "UserId[1]", "is empty" },
        { "from exclusive", new() { FromPhoneNumber = ["+1"], FromPhoneNumberLike = "+1*" }, "FromPhoneNumberLike", "cannot be used with FromPhoneNumber" },
        { "to exclusive", new() { ToPhoneNumber = ["+1"], ToPhoneNumberLike = "*1" }, "ToPhoneNumberLike", "cannot be used with ToPhoneNumber" },
        { "blank pattern", new() { ToPhoneNumberLike = "" }, "ToPhoneNumberLike", "is empty" },
        { "negative", new() { Duration = VoisoNumberFilter.AtLeast(-1) }, "Duration.Min", "must be 0 or more" },
        { "min above max", new() { HoldDuration = VoisoNumberFilter.Between(9, 3) }, "HoldDuration", "Min 9 above Max 3" },
        { "exact and range", new() { TalkDuration = new VoisoNumberFilter { Exactly = 3, Max = 9 } }, "TalkDuration", "both an exact value and a range" },
        { "empty number filter", new() { IvrDuration = new VoisoNumberFilter() }, "IvrDuration", "has no value" },
        { "time order", new() { StartedAt = VoisoTimeFilter.Between(Start, Start) }, "StartedAt", "not before To" },
        { "time exact and range", new() { EndedAt = new VoisoTimeFilter { At = Start, To = Start } }, "EndedAt", "both an exact time and a range" },
        { "limit", new() { Limit = 1001 }, "Limit", "between 0 and 1000" },
        { "negative limit", new() { Limit = -1 }, "Limit", "between 0 and 1000" },
        { "offset", new() { Offset = 10_000 }, "Offset", "between 0 and 9999" },
        { "empty enum", new() { Disposition = [default] }, "Disposition[0]", "is empty" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Queries_breaking_a_rule_are_rejected_before_any_request(string because, VoisoCdrQuery query, string property, string message)
    {
        await using var emulator = await TestClients.StartEmulatorAsync();
        await using var client = TestClients.Voiso(emulator);

        var ex = Assert.Throws<CdrValidationException>(() => client.Voiso.Cdrs.ListAsync(query, Ct));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(property, error.PropertyName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(CdrProvider.Voiso, ex.Provider);
        await Assert.ThrowsAsync<CdrValidationException>(() => client.Voiso.Cdrs.CountAsync(query, Ct));
        Assert.Empty(emulator.Requests.Snapshot());
        _ = because;
    }
}
