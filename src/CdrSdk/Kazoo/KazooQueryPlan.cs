using System.Text.RegularExpressions;
using CdrSdk.Core.Http;
using CdrSdk.Kazoo.Api;
using CdrSdk.Paging;

namespace CdrSdk.Kazoo;

/// <summary>
/// Turns a <see cref="KazooCdrQuery"/> into requests: validates it, resolves the range to inclusive gregorian
/// seconds, splits it into windows the server accepts, and writes the query string.
/// </summary>
internal static partial class KazooQueryPlan
{
    private static readonly TimeSpan MaxUtcOffset = TimeSpan.FromHours(14);

    public static void Validate(KazooCdrQuery query, DateTimeOffset now)
    {
        var errors = new List<CdrValidationError>();
        if (query.From is { } from && query.To is { } to && from >= to)
        {
            errors.Add(new(nameof(query.From), $"must be before To ({Format(to)}), but was {Format(from)}."));
        }
        else if (query.From is { } start && query.To is null && start >= now)
        {
            errors.Add(new(nameof(query.From), $"must be in the past when To is not set (To defaults to now, {Format(now)}), but was {Format(start)}."));
        }

        if (query.PageSize is < 1)
        {
            errors.Add(new(nameof(query.PageSize), $"must be at least 1, but was {query.PageSize}."));
        }

        if (query.UserId is not null && !KazooIds.IsHexId(query.UserId))
        {
            errors.Add(new(nameof(query.UserId), $"must be a Kazoo user id (32 hexadecimal characters), but was '{query.UserId}'."));
        }

        ValidateKeys(query.Filters?.Keys, nameof(query.Filters), errors);
        ValidateKeys(query.ExcludeFilters?.Keys, nameof(query.ExcludeFilters), errors);
        ValidateKeys(query.HasKeys, nameof(query.HasKeys), errors);
        ValidateKeys(query.MissingKeys, nameof(query.MissingKeys), errors);
        if (query.UtcOffset is { } offset && (offset < -MaxUtcOffset || offset > MaxUtcOffset || offset.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            errors.Add(new(nameof(query.UtcOffset), $"must be whole seconds between -14 h and +14 h, but was {offset}."));
        }

        if (errors.Count > 0)
        {
            throw new CdrValidationException(errors) { Provider = CdrProvider.Kazoo };
        }
    }

    /// <summary>The listing's start position: the range in inclusive gregorian seconds, the first window.</summary>
    public static KazooListPosition Start(KazooCdrQuery query, DateTimeOffset now)
    {
        long? from = null;
        long? to = null;
        if (query.From is not null || query.To is not null)
        {
            // [From, To) in instants becomes [from, to] in whole seconds: created_to is inclusive on the server.
            to = GregorianTime.FromDateTimeOffsetCeiling(query.To ?? now) - 1;
            from = query.From is { } f ? GregorianTime.FromDateTimeOffset(f) : null;
        }

        return new KazooListPosition { From = from, To = to, Ascending = query.Ascending };
    }

    /// <summary>
    /// The windows of a range, in listing order: consecutive, non-overlapping, each at most
    /// <paramref name="maxSeconds"/> long, together covering [from, to] exactly. A range without a start is one
    /// window (the server picks the start).
    /// </summary>
    public static IReadOnlyList<(long? From, long? To)> Windows(long? from, long? to, long maxSeconds, bool ascending) =>
        from is { } f && to is { } t
            ? TimeWindows.SplitInclusive(f, t, maxSeconds, newestFirst: !ascending).ConvertAll(w => ((long?)w.From, (long?)w.To))
            : [(from, to)];

    /// <summary>The static parameters of one request of a window: range, order, offset, and the page (or <c>paginate=false</c>).</summary>
    public static KazooListQuery Query((long? From, long? To) window, KazooCdrQuery source, bool paginate, int? pageSize = null, string? startKey = null) => new()
    {
        CreatedFrom = window.From,
        CreatedTo = window.To,
        Ascending = source.Ascending ? "true" : null,
        UtcOffset = source.UtcOffset is { } offset ? (long)offset.TotalSeconds : null,
        Paginate = paginate ? null : "false",
        PageSize = paginate ? pageSize : null,
        StartKey = paginate ? startKey : null,
    };

    /// <summary>The dynamic parameters of a query: <c>filter_{key}</c>, <c>filter_not_{key}</c>, <c>has_key</c>, <c>key_missing</c>.</summary>
    public static QueryParameters Filters(KazooCdrQuery source)
    {
        var query = new QueryParameters();
        foreach (var (key, value) in source.Filters ?? EmptyMap)
        {
            query.Add("filter_" + key, value);
        }

        foreach (var (key, value) in source.ExcludeFilters ?? EmptyMap)
        {
            query.Add("filter_not_" + key, value);
        }

        foreach (var key in source.HasKeys ?? [])
        {
            query.Add("has_key", key);
        }

        foreach (var key in source.MissingKeys ?? [])
        {
            query.Add("key_missing", key);
        }

        return query;
    }

    private static readonly Dictionary<string, string> EmptyMap = new(StringComparer.Ordinal);

    private static void ValidateKeys(IEnumerable<string>? keys, string name, List<CdrValidationError> errors)
    {
        if (keys is null)
        {
            return;
        }

        var any = false;
        foreach (var key in keys)
        {
            any = true;
            if (key is null || !FilterKey().IsMatch(key))
            {
                errors.Add(new(name, $"has the key '{key}': keys are field names or dotted paths of letters, digits, '_', '-' and '.' (for example custom_channel_vars.owner_id)."));
            }
        }

        if (!any)
        {
            errors.Add(new(name, "is empty: give at least one key, or leave it null."));
        }
    }

    private static string Format(DateTimeOffset value) => IsoTime.Seconds(value);

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.\\-]*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FilterKey();
}
