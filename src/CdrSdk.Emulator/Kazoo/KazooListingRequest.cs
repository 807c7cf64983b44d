using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CdrSdk.Emulator.Kazoo;

/// <summary>The query of a Kazoo listing, parsed and checked the way crossbar does.</summary>
internal sealed class KazooListingRequest
{
    private readonly List<(string Key, string Value, bool Negate)> _filters = [];
    private readonly List<(string Key, bool MustExist)> _keys = [];

    public long From { get; private set; }

    public long To { get; private set; }

    public int PageSize { get; private set; }

    public bool Ascending { get; private set; }

    public bool Paginate { get; private set; } = true;

    public (long Time, long CallIndex, int LegIndex, string Text)? StartKey { get; private set; }

    public bool HasFilters => _filters.Count > 0 || _keys.Count > 0;

    /// <summary>Parses the query; returns the validation error data (Kazoo's shape) or null when valid.</summary>
    public static JsonObject? Parse(IQueryCollection query, DateTimeOffset now, out KazooListingRequest request)
    {
        request = new KazooListingRequest();
        var to = Long(query["created_to"]) ?? KazooDataSet.Gregorian(now);
        var from = Long(query["created_from"]) ?? (to - KazooEmulation.MaxRangeSeconds);
        if (query.ContainsKey("created_from") && Long(query["created_from"]) is null)
        {
            return Invalid("created_from", "type", "created_from must be an integer (gregorian seconds)");
        }

        if (query.ContainsKey("created_to") && Long(query["created_to"]) is null)
        {
            return Invalid("created_to", "type", "created_to must be an integer (gregorian seconds)");
        }

        if (from > to)
        {
            return Invalid("created_from", "date_range", "created_from is after created_to");
        }

        if (to - from > KazooEmulation.MaxRangeSeconds)
        {
            return Invalid("created_to", "date_range", $"created_to is more than {KazooEmulation.MaxRangeSeconds} seconds from created_from");
        }

        var pageSize = query.ContainsKey("page_size") ? Long(query["page_size"]) : 50;
        if (pageSize is null or < 1)
        {
            return Invalid("page_size", "minimum", "page_size must be an integer of at least 1");
        }

        request.From = from;
        request.To = to;
        request.PageSize = (int)Math.Min(pageSize.Value, 100_000);
        request.Ascending = string.Equals(query["ascending"], "true", StringComparison.OrdinalIgnoreCase);
        request.Paginate = !string.Equals(query["paginate"], "false", StringComparison.OrdinalIgnoreCase);
        if (query.TryGetValue("start_key", out var startKey))
        {
            var parts = startKey.ToString().Split('-');
            if (parts.Length != 3 || Long(parts[0]) is not { } time || Long(parts[1]) is not { } index || Long(parts[2]) is not { } leg)
            {
                return Invalid("start_key", "type", "start_key is not a key this listing issued");
            }

            request.StartKey = (time, index, (int)leg, startKey.ToString());
        }

        foreach (var (name, values) in query)
        {
            if (name.StartsWith("filter_not_", StringComparison.Ordinal))
            {
                request._filters.Add((name["filter_not_".Length..], values.ToString(), true));
            }
            else if (name.StartsWith("filter_", StringComparison.Ordinal))
            {
                request._filters.Add((name["filter_".Length..], values.ToString(), false));
            }
            else if (name is "has_key" or "key_missing")
            {
                request._keys.AddRange(values.Select(v => (v ?? string.Empty, name == "has_key")));
            }
        }

        return null;
    }

    /// <summary>Whether a CDR document passes the filters (values compared as text, dotted keys walk into objects).</summary>
    public bool Matches(JsonObject document)
    {
        foreach (var (key, value, negate) in _filters)
        {
            var actual = Find(document, key);
            var equal = actual is not null && string.Equals(Text(actual), value, StringComparison.Ordinal);
            if (equal == negate)
            {
                return false;
            }
        }

        foreach (var (key, mustExist) in _keys)
        {
            if ((Find(document, key) is not null) != mustExist)
            {
                return false;
            }
        }

        return true;
    }

    private static JsonNode? Find(JsonObject document, string path)
    {
        JsonNode? node = document;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static string Text(JsonNode node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();

    private static long? Long(string? text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static JsonObject Invalid(string field, string rule, string message) =>
        new() { [field] = new JsonObject { [rule] = new JsonObject { ["message"] = message } } };
}
