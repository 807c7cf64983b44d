namespace CdrSdk.Telnyx;

/// <summary>
/// One entry of a report's <c>filters</c> list. Build lists with <see cref="ReportFilters.Where(FilterCriterion)"/>,
/// which only compiles valid orders; lists built any other way (deserialized, from configuration) are checked
/// by <see cref="ReportFilters.Validate(IReadOnlyList{ReportFilter}?, TelnyxApiVersion)"/> before sending.
/// </summary>
/// <remarks>
/// Rules (from the Telnyx reporting API): the first filter is <c>and</c>; an <c>or</c> is never followed by an
/// <c>and</c>; each filter carries exactly one criterion: <see cref="Cli"/> with <see cref="CliFilter"/>,
/// <see cref="Cld"/> with <see cref="CldFilter"/>, <see cref="TagsList"/>, or (v2) <see cref="BillingGroup"/>.
/// Filters combine left to right: <c>A and B or C</c> keeps records matching (A and B) or C.
/// </remarks>
public sealed record ReportFilter
{
    /// <summary><c>filter_type</c>: how this filter combines with the ones before it.</summary>
    public ReportFilterType FilterType { get; init; }

    /// <summary><c>cli</c>: the calling number (or part of it) to match.</summary>
    public string? Cli { get; init; }

    /// <summary><c>cli_filter</c>: how <see cref="Cli"/> is matched; required with it.</summary>
    public NumberMatch? CliFilter { get; init; }

    /// <summary><c>cld</c>: the called number (or part of it) to match.</summary>
    public string? Cld { get; init; }

    /// <summary><c>cld_filter</c>: how <see cref="Cld"/> is matched; required with it.</summary>
    public NumberMatch? CldFilter { get; init; }

    /// <summary><c>tags_list</c>: records carrying any of these tags. v2 accepts exactly one tag per filter.</summary>
    public IReadOnlyList<string>? TagsList { get; init; }

    /// <summary><c>billing_group</c>: a billing group id. API v2 only.</summary>
    public string? BillingGroup { get; init; }

    /// <summary>Compares two filters by value (tags compared in order).</summary>
    /// <param name="other">The other filter.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public bool Equals(ReportFilter? other) =>
        other is not null
        && FilterType == other.FilterType
        && string.Equals(Cli, other.Cli, StringComparison.Ordinal)
        && CliFilter == other.CliFilter
        && string.Equals(Cld, other.Cld, StringComparison.Ordinal)
        && CldFilter == other.CldFilter
        && string.Equals(BillingGroup, other.BillingGroup, StringComparison.Ordinal)
        && (ReferenceEquals(TagsList, other.TagsList) || (TagsList is not null && other.TagsList is not null && TagsList.SequenceEqual(other.TagsList, StringComparer.Ordinal)));

    /// <summary>A hash consistent with <see cref="Equals(ReportFilter?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(FilterType, Cli, CliFilter, Cld, CldFilter, BillingGroup, TagsList?.Count ?? -1);

    /// <summary>Describes the filter in the wire vocabulary, for messages and logs.</summary>
    /// <returns>For example <c>and cli starts_with '+1312'</c>.</returns>
    public override string ToString()
    {
        var type = FilterType switch
        {
            ReportFilterType.And => "and",
            ReportFilterType.Or => "or",
            _ => "?",
        };
        var criteria = new List<string>(2);
        if (Cli is not null)
        {
            criteria.Add($"cli {WireNames.Of(CliFilter)} '{Cli}'");
        }

        if (Cld is not null)
        {
            criteria.Add($"cld {WireNames.Of(CldFilter)} '{Cld}'");
        }

        if (TagsList is not null)
        {
            criteria.Add($"tags [{string.Join(", ", TagsList)}]");
        }

        if (BillingGroup is not null)
        {
            criteria.Add($"billing_group '{BillingGroup}'");
        }

        return type + " " + (criteria.Count == 0 ? "(no criterion)" : string.Join(" + ", criteria));
    }
}
