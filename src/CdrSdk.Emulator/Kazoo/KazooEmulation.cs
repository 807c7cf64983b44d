using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdrSdk.Emulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CdrSdk.Emulator.Kazoo;

/// <summary>
/// The Kazoo crossbar CDR API under <c>/v2</c>: <c>api_auth</c> and <c>user_auth</c> with expiring tokens,
/// account and user CDR listings with <c>start_key</c>/<c>next_start_key</c> paging, the 31-days-plus-1-hour range
/// limit, filters, <c>paginate=false</c>, CSV, CDR details, interactions and legs, all with Kazoo's envelopes
/// (trailer values as quoted strings, as chunked responses send them) and error bodies.
/// </summary>
internal sealed class KazooEmulation
{
    public const long MaxRangeSeconds = 2_682_000;
    private const int DefaultPageSize = 50;
    private readonly CdrEmulatorOptions _options;
    private readonly KazooDataSet _data;
    private readonly IssuedTokens _tokens;

    public KazooEmulation(CdrEmulatorOptions options, KazooDataSet data)
    {
        _options = options;
        _data = data;
        _tokens = new IssuedTokens(options.TimeProvider, options.KazooTokenLifetime, options.KazooStaticToken, prefix: "kz-");
    }

    public int Logins => _tokens.Logins;

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    /// <summary>Makes every issued token expire now.</summary>
    public void ExpireTokens() => _tokens.ExpireAll();

    public void MapApi(IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/v2");
        v2.MapPut("/api_auth", (Func<HttpContext, Task<IResult>>)(context => LoginAsync(context, user: false)));
        v2.MapPut("/user_auth", (Func<HttpContext, Task<IResult>>)(context => LoginAsync(context, user: true)));
        var account = v2.MapGroup("/accounts/{accountId}");
        account.MapGet("/cdrs", (HttpContext c, string accountId) => Listing(c, accountId, null, interactions: false));
        account.MapGet("/cdrs/interaction", (HttpContext c, string accountId) => Listing(c, accountId, null, interactions: true));
        account.MapGet("/users/{userId}/cdrs", (HttpContext c, string accountId, string userId) => Listing(c, accountId, userId, interactions: false));
        account.MapGet("/users/{userId}/cdrs/interaction", (HttpContext c, string accountId, string userId) => Listing(c, accountId, userId, interactions: true));
        account.MapGet("/cdrs/legs/{interactionId}", (HttpContext c, string accountId, string interactionId) => Legs(c, accountId, interactionId));
        account.MapGet("/cdrs/{cdrId}", (HttpContext c, string accountId, string cdrId) => Cdr(c, accountId, cdrId));
    }

    private async Task<IResult> LoginAsync(HttpContext context, bool user)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return KazooResponses.Error(400, "400", "invalid request", new JsonObject { ["message"] = "the body is not JSON" });
        }

        var data = body?["data"];
        var ok = user
            ? data?["credentials"]?.ToString() == KazooDocuments.Md5(_options.KazooUsername + ":" + _options.KazooPassword)
              && data?["account_name"]?.ToString() == _options.KazooAccountName
            : data?["api_key"]?.ToString() == _options.KazooApiKey;
        if (!ok)
        {
            return KazooResponses.Error(401, "401", "invalid_credentials", new JsonObject { ["message"] = "invalid credentials" });
        }

        var token = _tokens.Issue();
        var response = KazooResponses.Envelope(new JsonObject
        {
            ["account_id"] = KazooDataSet.AccountIds[0],
            ["owner_id"] = KazooDataSet.UsersOf(KazooDataSet.AccountIds[0])[0],
            ["account_name"] = _options.KazooAccountName,
            ["is_reseller"] = false,
            ["apps"] = new JsonArray(),
        }, token);
        return Results.Text(response.ToJsonString(), "application/json", Encoding.UTF8, 201);
    }

    private IResult? Authorize(HttpContext context, string accountId, out string token)
    {
        token = context.Request.Headers["X-Auth-Token"].ToString();
        if (!_tokens.IsValid(token))
        {
            return KazooResponses.Error(401, "401", "invalid_credentials", new JsonObject { ["message"] = "invalid credentials" });
        }

        return KazooDataSet.AccountIds.Contains(accountId)
            ? null
            : KazooResponses.Error(404, "404", "bad_identifier", new JsonObject { ["cause"] = accountId }, token);
    }

    private IResult Listing(HttpContext context, string accountId, string? userId, bool interactions)
    {
        if (Authorize(context, accountId, out var token) is { } denied)
        {
            return denied;
        }

        if (userId is not null && !KazooDataSet.UsersOf(accountId).Contains(userId))
        {
            return KazooResponses.Error(404, "404", "bad_identifier", new JsonObject { ["cause"] = userId }, token);
        }

        var query = context.Request.Query;
        var now = Now;
        if (KazooListingRequest.Parse(query, now, out var listing) is { } invalid)
        {
            return KazooResponses.Error(400, "400", "invalid request", invalid, token);
        }

        var items = Select(accountId, userId, interactions, listing, now);
        var csv = context.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase);
        if (csv)
        {
            return Results.Stream(stream => KazooResponses.WriteCsvAsync(stream, items, context.RequestAborted), "application/octet-stream", "cdrs.csv");
        }

        if (!listing.Paginate)
        {
            return Results.Stream(stream => KazooResponses.WriteListingAsync(stream, items, null, listing, token, context.RequestAborted), "application/json");
        }

        var page = new List<KazooLeg>(listing.PageSize + 1);
        foreach (var leg in items)
        {
            page.Add(leg);
            if (page.Count > listing.PageSize)
            {
                break;
            }
        }

        string? next = null;
        if (page.Count > listing.PageSize)
        {
            next = Key(page[^1], interactions);
            page.RemoveAt(page.Count - 1);
        }

        return Results.Stream(stream => KazooResponses.WriteListingAsync(stream, page, next, listing, token, context.RequestAborted), "application/json");
    }

    private IEnumerable<KazooLeg> Select(string accountId, string? userId, bool interactions, KazooListingRequest listing, DateTimeOffset now)
    {
        var from = listing.From;
        var to = listing.To;
        var start = listing.StartKey;
        if (start is { } key)
        {
            // Seek: the start key's time bounds the range, then the few legs of the same second before it are skipped.
            if (listing.Ascending)
            {
                from = Math.Max(from, key.Time);
            }
            else
            {
                to = Math.Min(to, key.Time);
            }
        }

        // Kazoo answers a range before or after every record with an empty list: clamp to the data set's years so the
        // instants stay representable (a range in year 1 must not crash the enumeration mid-body).
        var first = KazooDataSet.Gregorian(EmulatorDataSet.Epoch) - 86_400;
        var last = KazooDataSet.Gregorian(new DateTimeOffset(9000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        if (to < first || from > last)
        {
            return [];
        }

        (from, to) = (Math.Max(from, first), Math.Min(to, last));

        var legs = interactions
            ? _data.Interactions(accountId, userId, from, to, listing.Ascending, now)
            : _data.Legs(accountId, userId, from, to, listing.Ascending, now);
        if (start is { } s)
        {
            var target = (s.Time, s.CallIndex, s.LegIndex);
            legs = legs.SkipWhile(l =>
            {
                var k = (interactions ? l.InteractionTime : l.Timestamp, l.CallIndex, l.LegIndex);
                return listing.Ascending ? k.CompareTo(target) < 0 : k.CompareTo(target) > 0;
            });
        }

        return listing.HasFilters ? legs.Where(l => listing.Matches(KazooDocuments.Document(l))) : legs;
    }

    private IResult Cdr(HttpContext context, string accountId, string cdrId)
    {
        if (Authorize(context, accountId, out var token) is { } denied)
        {
            return denied;
        }

        var leg = _data.FindByCdrId(cdrId, Now);
        return leg is null || leg.AccountId != accountId
            ? KazooResponses.Error(404, "404", "bad_identifier", new JsonObject { ["cause"] = cdrId, ["message"] = "could not find cdr with supplied id" }, token)
            : KazooResponses.Json(KazooResponses.Envelope(KazooDocuments.Document(leg), token));
    }

    private IResult Legs(HttpContext context, string accountId, string interactionId)
    {
        if (Authorize(context, accountId, out var token) is { } denied)
        {
            return denied;
        }

        var now = Now;
        var legs = interactionId.Length > 7 && interactionId[6] == '-' && _data.FindByCdrId(interactionId, now) is { } leg
            ? _data.FindInteraction(leg.InteractionId, now)
            : _data.FindInteraction(interactionId, now);
        if (legs.Count == 0 || legs[0].AccountId != accountId)
        {
            return KazooResponses.Error(404, "404", "bad_identifier", new JsonObject { ["cause"] = interactionId }, token);
        }

        return KazooResponses.Json(KazooResponses.Envelope(new JsonArray(legs.Select(l => (JsonNode)KazooDocuments.Document(l)).ToArray()), token));
    }

    private static string Key(KazooLeg leg, bool interactions) =>
        string.Create(CultureInfo.InvariantCulture, $"{(interactions ? leg.InteractionTime : leg.Timestamp)}-{leg.CallIndex}-{leg.LegIndex}");
}
