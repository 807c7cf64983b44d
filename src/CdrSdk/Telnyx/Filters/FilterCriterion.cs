namespace CdrSdk.Telnyx;

/// <summary>
/// Exactly one thing a report filter matches on. Create it with <see cref="Cli"/>, <see cref="Cld"/>,
/// <see cref="Tags"/> or <see cref="BillingGroup"/>; combine criteria with <see cref="ReportFilters"/>.
/// </summary>
public sealed class FilterCriterion
{
    private readonly ReportFilter _template;

    private FilterCriterion(ReportFilter template)
    {
        _template = template;
    }

    /// <summary>Describes the criterion, for example <c>cli starts_with '+1312'</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = _template.ToString();
        return text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..];
    }

    internal ReportFilter ToFilter(ReportFilterType type) => _template with { FilterType = type };

    internal static FilterCriterion ForCli(string number, NumberMatch match, string parameterName) =>
        new(new ReportFilter { Cli = RequireNumber(number, parameterName), CliFilter = RequireMatch(match) });

    internal static FilterCriterion ForCld(string number, NumberMatch match, string parameterName) =>
        new(new ReportFilter { Cld = RequireNumber(number, parameterName), CldFilter = RequireMatch(match) });

    internal static FilterCriterion ForTags(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var list = tags.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("At least one tag is required.", nameof(tags));
        }

        for (var i = 0; i < list.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i]))
            {
                throw new ArgumentException($"tags[{i}] is empty; every tag must be a non-empty string.", nameof(tags));
            }
        }

        return new(new ReportFilter { TagsList = list });
    }

    internal static FilterCriterion ForBillingGroup(string billingGroupId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(billingGroupId);
        return new(new ReportFilter { BillingGroup = billingGroupId });
    }

    private static string RequireNumber(string number, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            throw new ArgumentException("The number to match must be a non-empty string, for example '+1312' or '555'.", parameterName);
        }

        return number.Trim();
    }

    private static NumberMatch RequireMatch(NumberMatch match) =>
        Enum.IsDefined(match)
            ? match
            : throw new ArgumentOutOfRangeException(nameof(match), match, "match must be Contains, StartsWith or EndsWith.");
}
