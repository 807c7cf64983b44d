using CdrSdk.Core.Http;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso;

/// <summary>
/// The one place that knows how <see cref="VoisoCdrQuery"/> travels: parameter names, list encoding
/// (<c>key</c> for one value; <c>key[]</c> or repeated <c>key</c> for several), range operators
/// (<c>key[gte]</c>, <c>key[lte]</c>, <c>key[lt]</c>) and times (UTC ISO 8601). Also validates the query.
/// </summary>
internal static class VoisoQueryEncoder
{
    /// <summary>Range operator names.</summary>
    internal static class Operators
    {
        public const string AtLeast = "gte";
        public const string AtMost = "lte";
        public const string Before = "lt";
    }

    /// <summary>The offset limit of the API: offsets reach only the first 10,000 records.</summary>
    public const int OffsetLimit = 10_000;

    public const int MaxLimit = 1000;

    public const int DefaultLimit = 100;

    public static void Encode(VoisoCdrQuery query, VoisoArrayStyle style, QueryParameters target)
    {
        List(target, style, "type", query.Type?.Select(v => v.Value));
        List(target, style, "external_account_id", query.ExternalAccountId);
        List(target, style, "subtype", query.Subtype?.Select(v => v.Value));
        List(target, style, "disposition", query.Disposition?.Select(v => v.Value));
        List(target, style, "wrap_up_code", query.WrapUpCode);
        List(target, style, "end_reason", query.EndReason?.Select(v => v.Value));
        List(target, style, "event_tag", query.EventTag?.Select(v => v.Value));
        List(target, style, "from_phone_number", query.FromPhoneNumber);
        List(target, style, "to_phone_number", query.ToPhoneNumber);
        target.AddIfNotNull("from_phone_number_like", query.FromPhoneNumberLike);
        target.AddIfNotNull("to_phone_number_like", query.ToPhoneNumberLike);
        List(target, style, "source_channel_account_id", query.SourceChannelAccountId);
        List(target, style, "destination_channel_account_id", query.DestinationChannelAccountId);
        List(target, style, "source_channel_profile_id", query.SourceChannelProfileId);
        List(target, style, "destination_channel_profile_id", query.DestinationChannelProfileId);
        List(target, style, "user_id", query.UserId);
        List(target, style, "team_id", query.TeamId);
        List(target, style, "queue_id", query.QueueId);
        List(target, style, "campaign_id", query.CampaignId);
        List(target, style, "destination_country", query.DestinationCountry);
        Number(target, "conversation_score", query.ConversationScore);
        Number(target, "duration", query.Duration);
        Number(target, "dialing_duration", query.DialingDuration);
        Number(target, "ivr_duration", query.IvrDuration);
        Number(target, "queue_duration", query.QueueDuration);
        Number(target, "talk_duration", query.TalkDuration);
        Number(target, "hold_duration", query.HoldDuration);
        Time(target, "started_at", query.StartedAt);
        Time(target, "ended_at", query.EndedAt);
    }

    public static void Validate(VoisoCdrQuery query)
    {
        var errors = new List<CdrValidationError>();
        Values(errors, nameof(query.Type), query.Type?.Select(v => v.Value).ToArray());
        Values(errors, nameof(query.ExternalAccountId), query.ExternalAccountId);
        Values(errors, nameof(query.Subtype), query.Subtype?.Select(v => v.Value).ToArray());
        Values(errors, nameof(query.Disposition), query.Disposition?.Select(v => v.Value).ToArray());
        Values(errors, nameof(query.WrapUpCode), query.WrapUpCode);
        Values(errors, nameof(query.EndReason), query.EndReason?.Select(v => v.Value).ToArray());
        Values(errors, nameof(query.EventTag), query.EventTag?.Select(v => v.Value).ToArray());
        Values(errors, nameof(query.FromPhoneNumber), query.FromPhoneNumber);
        Values(errors, nameof(query.ToPhoneNumber), query.ToPhoneNumber);
        Values(errors, nameof(query.SourceChannelAccountId), query.SourceChannelAccountId);
        Values(errors, nameof(query.DestinationChannelAccountId), query.DestinationChannelAccountId);
        Values(errors, nameof(query.SourceChannelProfileId), query.SourceChannelProfileId);
        Values(errors, nameof(query.DestinationChannelProfileId), query.DestinationChannelProfileId);
        Values(errors, nameof(query.UserId), query.UserId);
        Values(errors, nameof(query.TeamId), query.TeamId);
        Values(errors, nameof(query.QueueId), query.QueueId);
        Values(errors, nameof(query.CampaignId), query.CampaignId);
        Values(errors, nameof(query.DestinationCountry), query.DestinationCountry);
        Exclusive(errors, nameof(query.FromPhoneNumber), query.FromPhoneNumber, nameof(query.FromPhoneNumberLike), query.FromPhoneNumberLike);
        Exclusive(errors, nameof(query.ToPhoneNumber), query.ToPhoneNumber, nameof(query.ToPhoneNumberLike), query.ToPhoneNumberLike);
        Number(errors, nameof(query.ConversationScore), query.ConversationScore);
        Number(errors, nameof(query.Duration), query.Duration);
        Number(errors, nameof(query.DialingDuration), query.DialingDuration);
        Number(errors, nameof(query.IvrDuration), query.IvrDuration);
        Number(errors, nameof(query.QueueDuration), query.QueueDuration);
        Number(errors, nameof(query.TalkDuration), query.TalkDuration);
        Number(errors, nameof(query.HoldDuration), query.HoldDuration);
        Time(errors, nameof(query.StartedAt), query.StartedAt);
        Time(errors, nameof(query.EndedAt), query.EndedAt);
        if (query.Limit is { } limit)
        {
            OptionRules.InRange(errors, nameof(query.Limit), limit, 0, MaxLimit);
        }

        if (query.Offset is { } offset)
        {
            OptionRules.InRange(errors, nameof(query.Offset), offset, 0, OffsetLimit - 1);
        }

        if (errors.Count > 0)
        {
            throw new CdrValidationException(errors) { Provider = CdrProvider.Voiso };
        }
    }

    private static void List(QueryParameters target, VoisoArrayStyle style, string key, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        var list = values as IReadOnlyList<string> ?? values.ToArray();
        if (list.Count == 1)
        {
            target.Add(key, list[0]);
            return;
        }

        var name = style == VoisoArrayStyle.Brackets ? key + "[]" : key;
        foreach (var value in list)
        {
            target.Add(name, value);
        }
    }

    private static void Number(QueryParameters target, string key, VoisoNumberFilter? filter)
    {
        if (filter is null)
        {
            return;
        }

        target.AddIfNotNull(key, filter.Exactly)
            .AddIfNotNull($"{key}[{Operators.AtLeast}]", filter.Min)
            .AddIfNotNull($"{key}[{Operators.AtMost}]", filter.Max);
    }

    private static void Time(QueryParameters target, string key, VoisoTimeFilter? filter)
    {
        if (filter is null)
        {
            return;
        }

        target.AddIfNotNull(key, filter.At is { } at ? Iso(at) : null)
            .AddIfNotNull($"{key}[{Operators.AtLeast}]", filter.From is { } from ? Iso(from) : null)
            .AddIfNotNull($"{key}[{Operators.Before}]", filter.To is { } to ? Iso(to) : null);
    }

    private static string Iso(DateTimeOffset value) => IsoTime.Utc(value);

    private static void Values(List<CdrValidationError> errors, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count == 0)
        {
            errors.Add(new(name, "is empty: give at least one value, or leave it null to not filter."));
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                errors.Add(new($"{name}[{i}]", "is empty: every value must be non-empty."));
            }
        }
    }

    private static void Exclusive(List<CdrValidationError> errors, string exactName, IReadOnlyList<string>? exact, string likeName, string? like)
    {
        if (like is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(like))
        {
            errors.Add(new(likeName, "is empty: give a pattern such as '+4420*', or leave it null."));
        }

        if (exact is not null)
        {
            errors.Add(new(likeName, $"cannot be used with {exactName}: choose the exact numbers or the pattern (the API rejects both together)."));
        }
    }

    private static void Number(List<CdrValidationError> errors, string name, VoisoNumberFilter? filter)
    {
        if (filter is null)
        {
            return;
        }

        if (filter.Exactly is null && filter.Min is null && filter.Max is null)
        {
            errors.Add(new(name, "has no value: set Exactly, Min or Max (or leave the filter null)."));
        }

        if (filter.Exactly is not null && (filter.Min is not null || filter.Max is not null))
        {
            errors.Add(new(name, "sets both an exact value and a range: use one or the other."));
        }

        foreach (var (bound, value) in new[] { ("Exactly", filter.Exactly), ("Min", filter.Min), ("Max", filter.Max) })
        {
            if (value is < 0)
            {
                errors.Add(new($"{name}.{bound}", $"must be 0 or more, but was {value}."));
            }
        }

        if (filter.Min is { } min && filter.Max is { } max && min > max)
        {
            errors.Add(new(name, $"has Min {min} above Max {max}."));
        }
    }

    private static void Time(List<CdrValidationError> errors, string name, VoisoTimeFilter? filter)
    {
        if (filter is null)
        {
            return;
        }

        if (filter.At is null && filter.From is null && filter.To is null)
        {
            errors.Add(new(name, "has no value: set At, From or To (or leave the filter null)."));
        }

        if (filter.At is not null && (filter.From is not null || filter.To is not null))
        {
            errors.Add(new(name, "sets both an exact time and a range: use one or the other."));
        }

        if (filter.From is { } from && filter.To is { } to && from >= to)
        {
            errors.Add(new(name, $"has From {LenientJson.FormatIso8601(from)} not before To {LenientJson.FormatIso8601(to)}."));
        }
    }
}
