namespace CdrSdk.Kazoo;

/// <summary>
/// What a Kazoo CDR or interaction listing returns: a time range, an owner, order, filters and paging.
/// Validated before any request.
/// </summary>
/// <remarks>
/// The range is [<see cref="From"/>, <see cref="To"/>) and is sent as gregorian seconds (<c>created_from</c>,
/// <c>created_to</c>, both inclusive on the server, so the SDK sends <c>To</c> minus one second). A range longer
/// than <see cref="KazooOptions.MaxRangePerRequest"/> (31 days + 1 hour by default, the server maximum) is split
/// into consecutive windows that are listed one after the other, in order, as one sequence.
/// </remarks>
public sealed record KazooCdrQuery
{
    /// <summary>The first instant (inclusive). <see langword="null"/> with <see cref="To"/> also <see langword="null"/> lets the server pick its default range (the last 31 days).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>The end of the range (exclusive). <see langword="null"/> means now (by the client's clock) when <see cref="From"/> is set.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only the legs of this user (<c>/users/{USER_ID}/cdrs</c>): a 32-character hex Kazoo id.</summary>
    public string? UserId { get; init; }

    /// <summary><c>ascending=true</c>: oldest first. Default <see langword="false"/>: newest first, as Kazoo lists by default.</summary>
    public bool Ascending { get; init; }

    /// <summary><c>page_size</c>: records per request, 1 or more; <see langword="null"/> uses the page size hint or the server default (50).</summary>
    public int? PageSize { get; init; }

    /// <summary>
    /// <see langword="false"/> sends <c>paginate=false</c>: the server returns each window in one response, which
    /// the SDK still streams item by item (pages are cut client-side, and resuming skips what was delivered).
    /// Default <see langword="true"/>.
    /// </summary>
    public bool Paginate { get; init; } = true;

    /// <summary><c>filter_{KEY}=VALUE</c>: keep documents whose field equals the value (keys may be dotted paths, for example <c>custom_channel_vars.owner_id</c>).</summary>
    public IReadOnlyDictionary<string, string>? Filters { get; init; }

    /// <summary><c>filter_not_{KEY}=VALUE</c>: drop documents whose field equals the value.</summary>
    public IReadOnlyDictionary<string, string>? ExcludeFilters { get; init; }

    /// <summary><c>has_key=KEY</c>: keep documents that have the field.</summary>
    public IReadOnlyList<string>? HasKeys { get; init; }

    /// <summary><c>key_missing=KEY</c>: keep documents that lack the field.</summary>
    public IReadOnlyList<string>? MissingKeys { get; init; }

    /// <summary><c>utc_offset</c>: the offset the server applies to the times it formats (CSV and summary date columns). -14 h to +14 h.</summary>
    public TimeSpan? UtcOffset { get; init; }
}
