using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CdrSdk.Emulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CdrSdk.Emulator.Voiso;

/// <summary>
/// Voiso's <c>GET /api/v4/reporting/cdrs</c>: Bearer authentication, every filter, newest-first records, limit
/// 0..1000, offsets within the first 10,000 records, opaque expiring cursors bound to the filters, the documented
/// fallback from an invalid cursor to the offset (and 400 when that is invalid too), and Voiso's error bodies.
/// </summary>
internal sealed class VoisoEmulation
{
    private const int OffsetLimit = 10_000;
    private readonly CdrEmulatorOptions _options;
    private readonly VoisoDataSet _data;
    private readonly byte[] _key;

    /// <summary>
    /// The <c>metadata.total</c> of recent queries: counting is the costly part of a page. A range's count never
    /// changes unless it reaches into live mode's unsettled past; then it is keyed by the instant as well.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Filter, DateTimeOffset From, DateTimeOffset To, DateTimeOffset At), long> _totals = new();
    private int _generation;

    public VoisoEmulation(CdrEmulatorOptions options, VoisoDataSet data)
    {
        _options = options;
        _key = EmulatorKeys.Derive(options, "voiso-cursors");
        _data = data;
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    /// <summary>Invalidates every cursor issued so far.</summary>
    public void ExpireCursors() => Interlocked.Increment(ref _generation);

    public void MapApi(IEndpointRouteBuilder app) => app.MapGet("/api/v4/reporting/cdrs", List);

    private IResult List(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + _options.VoisoApiKey)
        {
            return Error(401, new JsonObject { ["error"] = "Unauthorized" });
        }

        var query = context.Request.Query;
        var errors = VoisoFilter.Parse(query, out var filter);
        var limit = 100;
        if (query.ContainsKey("limit") && Int(query["limit"]) is { } l && l is >= 0 and <= 1000)
        {
            limit = l;
        }
        else if (query.ContainsKey("limit"))
        {
            errors ??= new JsonObject();
            errors["limit"] = new JsonArray("must be between 0 and 1000");
        }

        if (errors is not null)
        {
            return Error(422, new JsonObject { ["errors"] = errors });
        }

        // Where to start: a valid cursor wins; otherwise the offset (an invalid cursor falls back to it).
        long? after = null;
        var offset = 0;
        var usingCursor = false;
        if (query.TryGetValue("cursor", out var cursor) && Decode(cursor.ToString(), filter.Fingerprint) is { } last)
        {
            after = last;
            usingCursor = true;
        }
        else
        {
            var offsetValue = query.ContainsKey("offset") ? Int(query["offset"]) : 0;
            if (offsetValue is not { } o || o < 0 || o > OffsetLimit)
            {
                return query.ContainsKey("cursor")
                    ? Error(400, new JsonObject { ["error"] = "Invalid cursor and offset" })
                    : Error(422, new JsonObject { ["errors"] = new JsonObject { ["offset"] = new JsonArray($"must be between 0 and {OffsetLimit}") } });
            }

            offset = o;
        }

        // One instant for the whole page: its records, its total and its cursor agree.
        var now = Now;
        var (from, to) = filter.StartRange;
        var (start, end) = (from ?? now.AddDays(-30), to ?? now);
        var total = Total(filter, start, end, now);
        var candidates = after is { } a
            ? _data.NewestFirst(start, end, beforeIndex: a, now).Where(filter.Matches)
            : _data.NewestFirst(start, end, now).Where(filter.Matches).Skip(offset);
        var take = usingCursor ? limit : Math.Min(limit, Math.Max(0, OffsetLimit - offset));
        var page = candidates.Take(take + 1).ToList();
        var more = page.Count > take;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        var giveCursor = more && page.Count > 0 && (usingCursor || _options.VoisoCursorMode == VoisoCursorMode.Always || offset + take >= OffsetLimit);
        var body = new JsonObject
        {
            [_options.VoisoListProperty] = new JsonArray(page.Select(r => (JsonNode)Render(r)).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["total"] = total,
                ["next_cursor"] = giveCursor ? Encode(page[^1].Index, filter.Fingerprint, now) : null,
            },
        };
        return Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8);
    }

    private string Encode(long lastIndex, string fingerprint, DateTimeOffset now)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{lastIndex}.{now.ToUnixTimeSeconds()}.{Volatile.Read(ref _generation)}");
        var signature = Sign(payload + "|" + fingerprint);
        return Base64Url.Encode(Encoding.UTF8.GetBytes(payload)) + "." + signature;
    }

    private long? Decode(string cursor, string fingerprint)
    {
        var dot = cursor.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }

        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(Base64Url.Decode(cursor[..dot]));
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(payload + "|" + fingerprint)), Encoding.ASCII.GetBytes(cursor[(dot + 1)..])))
        {
            return null;
        }

        var parts = payload.Split('.');
        var issued = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[1], CultureInfo.InvariantCulture));
        var generation = int.Parse(parts[2], CultureInfo.InvariantCulture);
        return generation == Volatile.Read(ref _generation) && Now - issued <= _options.VoisoCursorLifetime
            ? long.Parse(parts[0], CultureInfo.InvariantCulture)
            : null;
    }

    private long Total(VoisoFilter filter, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        if (_totals.Count > 1024)
        {
            _totals.Clear();
        }

        var at = to <= _data.SettledBefore(now) ? DateTimeOffset.MinValue : now;
        return _totals.GetOrAdd((filter.Fingerprint, from, to, at), key => _data.NewestFirst(key.From, key.To, now).Where(filter.Matches).LongCount());
    }

    private static JsonObject Render(VoisoRecord r)
    {
        var data = new JsonObject
        {
            ["subtype"] = r.Subtype,
            ["disposition"] = r.Disposition,
            ["duration"] = r.Duration,
        };
        Set(data, "user_id", NumberOrText(r.UserId));
        Set(data, "team_id", NumberOrText(r.TeamId));
        Set(data, "queue_id", NumberOrText(r.QueueId));
        Set(data, "campaign_id", NumberOrText(r.CampaignId));
        Set(data, "external_account_id", r.ExternalAccountId);
        Set(data, "wrap_up_code", r.WrapUpCode);
        Set(data, "end_reason", r.EndReason);
        Set(data, "from_phone_number", r.FromPhoneNumber);
        Set(data, "to_phone_number", r.ToPhoneNumber);
        Set(data, "destination_country", r.DestinationCountry);
        Set(data, "answered_at", r.AnsweredAt?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Set(data, "dialing_duration", r.DialingDuration);
        Set(data, "ivr_duration", r.IvrDuration);
        Set(data, "queue_duration", r.QueueDuration);
        Set(data, "talk_duration", r.TalkDuration);
        Set(data, "hold_duration", r.HoldDuration);
        Set(data, "source_channel_account_id", r.SourceChannelAccountId);
        Set(data, "destination_channel_account_id", r.DestinationChannelAccountId);
        Set(data, "source_channel_profile_id", r.SourceChannelProfileId);
        Set(data, "destination_channel_profile_id", r.DestinationChannelProfileId);
        Set(data, "conversation_score", r.ConversationScore?.ToString(CultureInfo.InvariantCulture));
        Set(data, "message_parts", r.MessageParts);
        Set(data, "network", r.Network);
        Set(data, "status", r.Status);
        if (r.Type == "call")
        {
            data["event_tags"] = new JsonArray(r.EventTags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
        }

        return new JsonObject
        {
            ["id"] = r.Id,
            ["type"] = r.Type,
            ["started_at"] = r.StartedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["ended_at"] = r.EndedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["data"] = data,
        };
    }

    private static JsonValue? NumberOrText(string? value) =>
        value is null ? null : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : JsonValue.Create(value);

    private static void Set(JsonObject target, string key, JsonNode? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }

    private static void Set(JsonObject target, string key, string? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }

    private static void Set(JsonObject target, string key, long? value)
    {
        if (value is { } v)
        {
            target[key] = v;
        }
    }

    private string Sign(string text) => Base64Url.Encode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static IResult Error(int status, JsonObject body) => Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, status);
}
