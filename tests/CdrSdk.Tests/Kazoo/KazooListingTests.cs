using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Paging;
using CdrSdk.Tests.Infrastructure;
using static CdrSdk.Tests.Infrastructure.Collect;

namespace CdrSdk.Tests.Kazoo;

/// <summary>Kazoo CDR and interaction listings over loopback: scopes, order, paging, window splitting, resuming, streaming.</summary>
public sealed class KazooListingTests : IAsyncLifetime
{
    private static readonly string Account = KazooDataSet.AccountIds[0];
    private static readonly string SubAccount = KazooDataSet.AccountIds[1];
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Day(int offset) => TestTime.UtcDay(offset);

    private List<string> Expected(string account, string? owner, DateTimeOffset from, DateTimeOffset to, bool ascending) =>
        _emulator.KazooData.Legs(account, owner, KazooDataSet.Gregorian(from), KazooDataSet.Gregorian(to) - 1, ascending).Select(l => l.CdrId).ToList();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_account_listing_pages_through_every_leg_exactly_once_in_order(bool ascending)
    {
        await using var client = TestClients.Kazoo(_emulator);
        var query = new KazooCdrQuery { From = Day(-3), To = Day(-2), Ascending = ascending, PageSize = 17 };

        var pages = await All(client.Kazoo.Cdrs.ListAsync(Account, query, Ct).AsPages());

        var expected = Expected(Account, null, Day(-3), Day(-2), ascending);
        Assert.True(expected.Count > 800, $"a day holds {expected.Count} legs of the account");
        Assert.Equal(expected, pages.SelectMany(p => p.Values).Select(s => s.Id));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(17, p.Values.Count));
        Assert.Null(pages[^1].ContinuationToken);
        var requests = _emulator.Requests.Snapshot();
        Assert.Equal(pages.Count, requests.Count);
        Assert.All(requests, r => Assert.Contains("page_size=17", r.QueryString, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_summary_carries_every_field_typed()
    {
        await using var client = TestClients.Kazoo(_emulator);

        var first = await client.Kazoo.Cdrs.ListAsync(Account, new KazooCdrQuery { From = Day(-2), To = Day(-1), Ascending = true }, Ct).FirstAsync(Ct);

        var leg = _emulator.KazooData.Legs(Account, null, KazooDataSet.Gregorian(Day(-2)), KazooDataSet.Gregorian(Day(-1)) - 1, true).First();
        Assert.Equal(leg.CdrId, first.Id);
        Assert.Equal(leg.CallId, first.CallId);
        Assert.Equal(leg.DurationSeconds, first.DurationSeconds);
        Assert.Equal(leg.BillingSeconds, first.BillingSeconds);
        Assert.Equal(leg.Timestamp, first.TimestampGregorianSeconds);
        Assert.Equal(KazooDataSet.Instant(leg.Timestamp), first.Timestamp);
        Assert.Equal(leg.CostUnits, first.CostUnits);
        Assert.Equal(leg.CostUnits / 10_000m, first.Cost);
        Assert.Equal(leg.Rate, first.Rate);
        Assert.Equal(leg.OwnerId, first.OwnerId);
        Assert.Equal(leg.CallDirection, first.Direction);
        Assert.Equal(leg.InteractionId, first.InteractionId);
        Assert.Equal(leg.CallerIdNumber, first.CallerIdNumber);
        Assert.Equal(KazooDataSet.Instant(leg.Timestamp).ToUnixTimeSeconds(), first.UnixTimestamp);
        Assert.NotNull(first.Rfc1036);
    }

    [Fact]
    public async Task A_user_listing_returns_only_that_users_legs()
    {
        await using var client = TestClients.Kazoo(_emulator);
        var user = KazooDataSet.UsersOf(SubAccount)[1];

        var legs = await All(client.Kazoo.Cdrs.ListAsync(SubAccount, new KazooCdrQuery { From = Day(-2), To = Day(-1), UserId = user }, Ct));

        Assert.Equal(Expected(SubAccount, user, Day(-2), Day(-1), false), legs.Select(l => l.Id));
        Assert.All(legs, l => Assert.Equal(user, l.OwnerId));
        Assert.All(_emulator.Requests.Snapshot(), r => Assert.StartsWith($"/v2/accounts/{SubAccount}/users/{user}/cdrs", r.Path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_range_longer_than_the_server_maximum_is_split_into_windows_without_loss_or_repetition(bool ascending)
    {
        await using var client = TestClients.Kazoo(_emulator, o => o.MaxRangePerRequest = TimeSpan.FromHours(7));
        var from = Day(-3).AddHours(5).AddSeconds(17);
        var to = Day(-1).AddMinutes(-3);

        var legs = await All(client.Kazoo.Cdrs.ListAsync(Account, new KazooCdrQuery { From = from, To = to, Ascending = ascending, PageSize = 200 }, Ct));

        var expected = Expected(Account, null, from, to, ascending);
        Assert.Equal(expected, legs.Select(l => l.Id));
        Assert.Equal(expected.Count, legs.Select(l => l.Id).Distinct().Count());
        var windows = _emulator.Requests.Snapshot().Select(r => (From: Param(r.QueryString, "created_from"), To: Param(r.QueryString, "created_to"))).Distinct().ToList();
        Assert.True(windows.Count >= 6);
        Assert.All(windows, w => Assert.True(w.To - w.From < 7 * 3600));
        var ordered = windows.OrderBy(w => w.From).ToList();
        Assert.Equal(KazooDataSet.Gregorian(from), ordered[0].From);
        Assert.Equal(KazooDataSet.Gregorian(to) - 1, ordered[^1].To);
        Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.Equal(pair.First.To + 1, pair.Second.From));
    }

    [Fact]
    public async Task The_default_maximum_splits_a_75_day_range_into_three_windows()
    {
        await using var client = TestClients.Kazoo(_emulator);
        var query = new KazooCdrQuery { From = Day(-75), To = Day(0), UserId = KazooDataSet.UsersOf(Account)[0], Filters = new Dictionary<string, string> { ["hangup_cause"] = "USER_BUSY" } };

        var legs = await All(client.Kazoo.Cdrs.ListAsync(Account, query, Ct));

        var expected = _emulator.KazooData.Legs(Account, query.UserId, KazooDataSet.Gregorian(Day(-75)), KazooDataSet.Gregorian(Day(0)) - 1, false)
            .Where(l => l.HangupCause == "USER_BUSY").Select(l => l.CdrId).ToList();
        Assert.Equal(expected, legs.Select(l => l.Id));
        Assert.Equal(3, _emulator.Requests.Snapshot().Select(r => Param(r.QueryString, "created_from")).Distinct().Count());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_saved_continuation_token_resumes_exactly_after_its_page(bool paginate)
    {
        await using var client = TestClients.Kazoo(_emulator, o => o.MaxRangePerRequest = TimeSpan.FromHours(6));
        var query = new KazooCdrQuery { From = Day(-2), To = Day(-1), Paginate = paginate };
        var listing = client.Kazoo.Cdrs.ListAsync(Account, query, Ct);
        var all = await All(listing.AsPages(pageSizeHint: 40));
        Assert.True(all.Count > 6);

        foreach (var cut in new[] { 1, all.Count / 2, all.Count - 2 })
        {
            // A new client (another process) resumes from the token saved after page `cut`.
            await using var other = TestClients.Kazoo(_emulator, o => o.MaxRangePerRequest = TimeSpan.FromHours(6));
            var rest = await All(other.Kazoo.Cdrs.ListAsync(Account, query, Ct).AsPages(all[cut - 1].ContinuationToken, 40));

            Assert.Equal(all.Skip(cut).SelectMany(p => p.Values).Select(v => v.Id), rest.SelectMany(p => p.Values).Select(v => v.Id));
        }
    }

    [Fact]
    public async Task Unpaginated_windows_are_streamed_and_cut_into_pages_client_side()
    {
        await using var client = TestClients.Kazoo(_emulator, o => o.MaxRangePerRequest = TimeSpan.FromHours(12));
        var query = new KazooCdrQuery { From = Day(-3), To = Day(-1), Paginate = false, Ascending = true };

        var pages = await All(client.Kazoo.Cdrs.ListAsync(Account, query, Ct).AsPages(pageSizeHint: 250));

        Assert.Equal(Expected(Account, null, Day(-3), Day(-1), true), pages.SelectMany(p => p.Values).Select(v => v.Id));
        Assert.All(_emulator.Requests.Snapshot(), r => Assert.Contains("paginate=false", r.QueryString, StringComparison.Ordinal));
        Assert.Equal(4, _emulator.Requests.Snapshot().Count);
        Assert.Contains(pages, p => p.Values.Count == 250);
        Assert.Null(pages[^1].ContinuationToken);
    }

    [Fact]
    public async Task An_unpaginated_body_cut_off_mid_way_is_fetched_again_and_skips_what_was_delivered()
    {
        await using var client = TestClients.Kazoo(_emulator);
        var query = new KazooCdrQuery { From = Day(-3), To = Day(-1), Paginate = false };
        _emulator.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v2/accounts", Kind = FaultKind.TruncateBody });

        var legs = await All(client.Kazoo.Cdrs.ListAsync(Account, query, Ct));

        Assert.Equal(Expected(Account, null, Day(-3), Day(-1), false), legs.Select(l => l.Id));
        Assert.Equal([0, 200], _emulator.Requests.Snapshot().Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Filters_are_sent_as_kazoo_query_parameters_and_honoured()
    {
        await using var client = TestClients.Kazoo(_emulator);
        var owner = KazooDataSet.UsersOf(Account)[2];
        var query = new KazooCdrQuery
        {
            From = Day(-2),
            To = Day(-1),
            Filters = new Dictionary<string, string> { ["custom_channel_vars.owner_id"] = owner },
            ExcludeFilters = new Dictionary<string, string> { ["call_direction"] = "outbound" },
            HasKeys = ["other_leg_call_id"],
            MissingKeys = ["fax_success"],
            UtcOffset = TimeSpan.FromHours(-5),
        };

        var legs = await All(client.Kazoo.Cdrs.ListAsync(Account, query, Ct));

        var expected = _emulator.KazooData.Legs(Account, null, KazooDataSet.Gregorian(Day(-2)), KazooDataSet.Gregorian(Day(-1)) - 1, false)
            .Where(l => l.OwnerId == owner && l.CallDirection != "outbound" && l.OtherLegCallId is not null && !l.IsFax)
            .Select(l => l.CdrId).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, legs.Select(l => l.Id));
        var sent = _emulator.Requests.Snapshot()[0].QueryString;
        Assert.Contains($"filter_custom_channel_vars.owner_id={owner}", sent, StringComparison.Ordinal);
        Assert.Contains("filter_not_call_direction=outbound", sent, StringComparison.Ordinal);
        Assert.Contains("has_key=other_leg_call_id", sent, StringComparison.Ordinal);
        Assert.Contains("key_missing=fax_success", sent, StringComparison.Ordinal);
        Assert.Contains("utc_offset=-18000", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactions_list_one_row_per_call_and_open_their_legs()
    {
        await using var client = TestClients.Kazoo(_emulator);

        var interactions = await All(client.Kazoo.Interactions.ListAsync(Account, new KazooCdrQuery { From = Day(-2), To = Day(-2).AddHours(6), Ascending = true, PageSize = 10 }, Ct));

        var expected = _emulator.KazooData.Interactions(Account, null, KazooDataSet.Gregorian(Day(-2)), KazooDataSet.Gregorian(Day(-2).AddHours(6)) - 1, true).ToList();
        Assert.Equal(expected.Select(l => l.InteractionId), interactions.Select(i => i.InteractionId));
        Assert.All(_emulator.Requests.Snapshot(), r => Assert.Equal($"/v2/accounts/{Account}/cdrs/interaction", r.Path));

        var transferred = expected.First(l => l.CallIndex % 5 == 0 && _emulator.KazooData.LegsOf(l.CallIndex).Count == 3);
        var legs = await client.Kazoo.Interactions.GetLegsAsync(Account, transferred.InteractionId, Ct);
        Assert.Equal(_emulator.KazooData.LegsOf(transferred.CallIndex).Select(l => l.CdrId), legs.Select(l => l.Id));
        Assert.All(legs, l => Assert.Equal(transferred.InteractionId, l.InteractionId));

        var byCdrId = await client.Kazoo.Interactions.GetLegsAsync(Account, legs[1].Id!, Ct);
        Assert.Equal(legs.Select(l => l.CallId), byCdrId.Select(l => l.CallId));
    }

    [Fact]
    public async Task The_user_interaction_listing_uses_the_user_path()
    {
        await using var client = TestClients.Kazoo(_emulator);
        var user = KazooDataSet.UsersOf(Account)[0];

        var interactions = await All(client.Kazoo.Interactions.ListAsync(Account, new KazooCdrQuery { From = Day(-2), To = Day(-1), UserId = user }, Ct));

        Assert.Equal(
            _emulator.KazooData.Interactions(Account, user, KazooDataSet.Gregorian(Day(-2)), KazooDataSet.Gregorian(Day(-1)) - 1, false).Select(l => l.InteractionId),
            interactions.Select(i => i.InteractionId));
        Assert.Equal($"/v2/accounts/{Account}/users/{user}/cdrs/interaction", _emulator.Requests.Snapshot()[0].Path);
    }

    [Fact]
    public async Task A_token_of_a_listing_in_the_other_order_is_rejected_before_any_request()
    {
        await using var client = TestClients.Kazoo(_emulator);
        var descending = await client.Kazoo.Cdrs.ListAsync(Account, new KazooCdrQuery { From = Day(-2), To = Day(-1) }, Ct).AsPages(pageSizeHint: 5).FirstAsync(Ct);
        var count = _emulator.Requests.Snapshot().Count;

        var ex = Assert.Throws<ArgumentException>(() => client.Kazoo.Cdrs.ListAsync(Account, new KazooCdrQuery { From = Day(-2), To = Day(-1), Ascending = true }, Ct).AsPages(descending.ContinuationToken));

        Assert.Equal("continuationToken", ex.ParamName);
        Assert.Contains("descending", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => client.Kazoo.Interactions.ListAsync(Account, null, Ct).AsPages(descending.ContinuationToken));
        Assert.Equal(count, _emulator.Requests.Snapshot().Count);
    }

    private static long Param(string query, string name)
    {
        var start = query.IndexOf(name + "=", StringComparison.Ordinal) + name.Length + 1;
        var end = query.IndexOf('&', start);
        return long.Parse(end < 0 ? query[start..] : query[start..end], System.Globalization.CultureInfo.InvariantCulture);
    }
}
