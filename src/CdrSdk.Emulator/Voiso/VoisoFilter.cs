using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CdrSdk.Emulator.Voiso;

/// <summary>The filters of a CDR list request, parsed the way a Rails backend reads them (<c>key</c>, <c>key[]</c>, <c>key[gte]</c>), and applied to records.</summary>
internal sealed class VoisoFilter
{
    private static readonly string[] ListKeys =
    [
        "type", "external_account_id", "subtype", "disposition", "wrap_up_code", "end_reason", "event_tag", "from_phone_number", "to_phone_number",
        "source_channel_account_id", "destination_channel_account_id", "source_channel_profile_id", "destination_channel_profile_id",
        "user_id", "team_id", "queue_id", "campaign_id", "destination_country",
    ];

    private static readonly string[] NumberKeys = ["conversation_score", "duration", "dialing_duration", "ivr_duration", "queue_duration", "talk_duration", "hold_duration"];
    private static readonly string[] TimeKeys = ["started_at", "ended_at"];

    private readonly Dictionary<string, HashSet<string>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Op, double Value)[]> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Op, DateTimeOffset Value)[]> _times = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Regex> _likes = new(StringComparer.Ordinal);

    /// <summary>A stable text of the filters (cursors are bound to it).</summary>
    public string Fingerprint { get; private set; } = string.Empty;

    /// <summary>The start-time bounds (to narrow the scan).</summary>
    public (DateTimeOffset? From, DateTimeOffset? To) StartRange { get; private set; }

    public static JsonObject? Parse(IQueryCollection query, out VoisoFilter filter)
    {
        filter = new VoisoFilter();
        var errors = new JsonObject();
        foreach (var key in ListKeys)
        {
            var values = Values(query, key).ToList();
            if (values.Count > 0)
            {
                filter._lists[key] = new HashSet<string>(key == "event_tag" ? values.SelectMany(Expand) : values, StringComparer.OrdinalIgnoreCase);
            }
        }

        foreach (var key in NumberKeys)
        {
            var bounds = new List<(string, double)>();
            foreach (var (op, text) in Operators(query, key))
            {
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
                {
                    Add(errors, key, "must be a number greater than or equal to 0");
                }
                else
                {
                    bounds.Add((op, value));
                }
            }

            if (bounds.Count > 0)
            {
                filter._numbers[key] = [.. bounds];
            }
        }

        foreach (var key in TimeKeys)
        {
            var bounds = new List<(string, DateTimeOffset)>();
            foreach (var (op, text) in Operators(query, key))
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
                {
                    Add(errors, key, "must be an ISO 8601 date-time");
                }
                else
                {
                    bounds.Add((op, value));
                }
            }

            if (bounds.Count > 0)
            {
                filter._times[key] = [.. bounds];
            }
        }

        foreach (var side in new[] { "from_phone_number", "to_phone_number" })
        {
            var like = query[side + "_like"].ToString();
            if (like.Length == 0)
            {
                continue;
            }

            if (filter._lists.ContainsKey(side))
            {
                Add(errors, side, $"cannot be used with {side}_like");
            }

            filter._likes[side] = new Regex("^" + Regex.Escape(like).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        filter.Fingerprint = string.Join('&', query.Where(q => q.Key is not ("cursor" or "offset" or "limit")).OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => q.Key + "=" + q.Value));
        filter.StartRange = filter.ComputeStartRange();
        return errors.Count > 0 ? errors : null;
    }

    private (DateTimeOffset? From, DateTimeOffset? To) ComputeStartRange()
    {
        if (!_times.TryGetValue("started_at", out var started))
        {
            return (null, null);
        }

        DateTimeOffset? from = null;
        DateTimeOffset? to = null;
        foreach (var (op, value) in started)
        {
            switch (op)
            {
                case "eq":
                    (from, to) = (value, value.AddTicks(1));
                    break;
                case "gte" or "gt":
                    from = value;
                    break;
                case "lt" or "lte":
                    to = op == "lt" ? value : value.AddTicks(1);
                    break;
            }
        }

        return (from, to);
    }

    public bool Matches(VoisoRecord record)
    {
        foreach (var (key, allowed) in _lists)
        {
            if (key == "event_tag")
            {
                if (!record.EventTags.Any(allowed.Contains))
                {
                    return false;
                }
            }
            else if (Field(record, key) is not { } value || !allowed.Contains(value))
            {
                return false;
            }
        }

        foreach (var (key, bounds) in _numbers)
        {
            if (Number(record, key) is not { } value || !bounds.All(b => Compare(value, b.Op, b.Value)))
            {
                return false;
            }
        }

        foreach (var (key, bounds) in _times)
        {
            var value = key == "started_at" ? record.StartedAt : record.EndedAt;
            if (!bounds.All(b => Compare(value.UtcTicks, b.Op, b.Value.UtcTicks)))
            {
                return false;
            }
        }

        foreach (var (key, pattern) in _likes)
        {
            if (Field(record, key) is not { } value || !pattern.IsMatch(value))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Expand(string tag) => tag == "all_transfers" ? VoisoDataSet.TransferTags : [tag];

    private static IEnumerable<string> Values(IQueryCollection query, string key) =>
        query[key].Concat(query[key + "[]"]).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!);

    private static IEnumerable<(string Op, string Text)> Operators(IQueryCollection query, string key)
    {
        foreach (var op in new[] { "gte", "gt", "lte", "lt" })
        {
            if (query.TryGetValue($"{key}[{op}]", out StringValues values))
            {
                yield return (op, values.ToString());
            }
        }

        if (query.TryGetValue(key, out var exact))
        {
            yield return ("eq", exact.ToString());
        }
    }

    private static bool Compare(double value, string op, double bound) => op switch
    {
        "gte" => value >= bound,
        "gt" => value > bound,
        "lte" => value <= bound,
        "lt" => value < bound,
        _ => value == bound,
    };

    private static string? Field(VoisoRecord r, string key) => key switch
    {
        "type" => r.Type,
        "external_account_id" => r.ExternalAccountId,
        "subtype" => r.Subtype,
        "disposition" => r.Disposition,
        "wrap_up_code" => r.WrapUpCode,
        "end_reason" => r.EndReason,
        "from_phone_number" => r.FromPhoneNumber,
        "to_phone_number" => r.ToPhoneNumber,
        "source_channel_account_id" => r.SourceChannelAccountId,
        "destination_channel_account_id" => r.DestinationChannelAccountId,
        "source_channel_profile_id" => r.SourceChannelProfileId,
        "destination_channel_profile_id" => r.DestinationChannelProfileId,
        "user_id" => r.UserId,
        "team_id" => r.TeamId,
        "queue_id" => r.QueueId,
        "campaign_id" => r.CampaignId,
        "destination_country" => r.DestinationCountry,
        _ => null,
    };

    private static double? Number(VoisoRecord r, string key) => key switch
    {
        "conversation_score" => r.ConversationScore,
        "duration" => r.Duration,
        "dialing_duration" => r.DialingDuration,
        "ivr_duration" => r.IvrDuration,
        "queue_duration" => r.QueueDuration,
        "talk_duration" => r.TalkDuration,
        "hold_duration" => r.HoldDuration,
        _ => null,
    };

    private static void Add(JsonObject errors, string key, string message)
    {
        if (errors[key] is not JsonArray list)
        {
            list = [];
            errors[key] = list;
        }

        list.Add(message);
    }
}
