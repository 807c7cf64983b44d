namespace CdrSdk.Telnyx;

/// <summary>Checks a filter list against every Telnyx rule, with one message per broken rule.</summary>
internal static class ReportFilterValidator
{
    public static void Validate(IReadOnlyList<ReportFilter>? filters, TelnyxApiVersion version, string path, List<CdrValidationError> errors)
    {
        if (filters is null)
        {
            return;
        }

        var firstOr = -1;
        for (var i = 0; i < filters.Count; i++)
        {
            var at = $"{path}[{i}]";
            var filter = filters[i];
            if (filter is null)
            {
                errors.Add(new(at, "is null; remove it or give it a filter_type and one criterion."));
                continue;
            }

            ValidateType(filter, i, firstOr, at, errors);
            if (filter.FilterType == ReportFilterType.Or && firstOr < 0)
            {
                firstOr = i;
            }

            ValidateCriterion(filter, version, at, errors);
        }
    }

    private static void ValidateType(ReportFilter filter, int index, int firstOr, string at, List<CdrValidationError> errors)
    {
        if (!Enum.IsDefined(filter.FilterType))
        {
            errors.Add(new(at + ".FilterType", "must be And or Or (filter_type 'and' or 'or')."));
        }
        else if (index == 0 && filter.FilterType != ReportFilterType.And)
        {
            errors.Add(new(at + ".FilterType", "the first filter must be 'and' (Telnyx rule), but it is 'or'. Start the list with an 'and' filter."));
        }
        else if (firstOr >= 0 && filter.FilterType == ReportFilterType.And)
        {
            errors.Add(new(at + ".FilterType", $"an 'and' cannot follow an 'or' (Filters[{firstOr}] is 'or'): once a filter is 'or', every later filter must be 'or'. Move the 'and' filters before the first 'or'."));
        }
    }

    private static void ValidateCriterion(ReportFilter filter, TelnyxApiVersion version, string at, List<CdrValidationError> errors)
    {
        var present = new List<string>(4);
        if (filter.Cli is not null || filter.CliFilter is not null)
        {
            present.Add("cli");
        }

        if (filter.Cld is not null || filter.CldFilter is not null)
        {
            present.Add("cld");
        }

        if (filter.TagsList is not null)
        {
            present.Add("tags_list");
        }

        if (filter.BillingGroup is not null)
        {
            present.Add("billing_group");
        }

        if (present.Count != 1)
        {
            errors.Add(new(at, present.Count == 0
                ? "has no criterion: each filter must carry exactly one of cli (+ cli_filter), cld (+ cld_filter), tags_list or billing_group."
                : $"has {string.Join(" and ", present)}: each filter must carry exactly one criterion; split them into separate filters."));
        }

        ValidateNumber(filter.Cli, filter.CliFilter, at, "Cli", errors);
        ValidateNumber(filter.Cld, filter.CldFilter, at, "Cld", errors);

        if (filter.TagsList is { } tags)
        {
            if (tags.Count == 0)
            {
                errors.Add(new(at + ".TagsList", "is empty: give at least one tag, or remove the filter."));
            }
            else if (version == TelnyxApiVersion.V2 && tags.Count > 1)
            {
                errors.Add(new(at + ".TagsList", $"has {tags.Count} tags, but API v2 accepts exactly one tag per filter: use one 'or' filter per tag."));
            }

            for (var t = 0; t < tags.Count; t++)
            {
                if (string.IsNullOrWhiteSpace(tags[t]))
                {
                    errors.Add(new($"{at}.TagsList[{t}]", "is empty: every tag must be a non-empty string."));
                }
            }
        }

        if (filter.BillingGroup is not null)
        {
            if (version != TelnyxApiVersion.V2)
            {
                errors.Add(new(at + ".BillingGroup", "is supported by API v2 only; set TelnyxOptions.ApiVersion = V2 or use cli, cld or tags_list."));
            }
            else if (string.IsNullOrWhiteSpace(filter.BillingGroup))
            {
                errors.Add(new(at + ".BillingGroup", "is empty: give a billing group id."));
            }
        }
    }

    private static void ValidateNumber(string? number, NumberMatch? match, string at, string name, List<CdrValidationError> errors)
    {
        if (number is null && match is null)
        {
            return;
        }

        var wire = string.Equals(name, "Cli", StringComparison.Ordinal) ? "cli" : "cld";
        if (string.IsNullOrWhiteSpace(number))
        {
            errors.Add(new($"{at}.{name}", $"is empty: {wire}_filter needs a number (or part of one) to match."));
        }

        if (match is null)
        {
            errors.Add(new($"{at}.{name}Filter", $"is required with {wire}: contains, starts_with or ends_with."));
        }
        else if (!Enum.IsDefined(match.Value))
        {
            errors.Add(new($"{at}.{name}Filter", $"must be Contains, StartsWith or EndsWith ({wire}_filter contains, starts_with, ends_with)."));
        }
    }
}
