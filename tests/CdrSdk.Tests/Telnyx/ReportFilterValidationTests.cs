using CdrSdk.Telnyx;

namespace CdrSdk.Tests.Telnyx;

public sealed class ReportFilterValidationTests
{
    private static ReportFilter And(string cli) => new() { FilterType = ReportFilterType.And, Cli = cli, CliFilter = NumberMatch.Contains };

    private static ReportFilter Or(string cld) => new() { FilterType = ReportFilterType.Or, Cld = cld, CldFilter = NumberMatch.StartsWith };

    public static TheoryData<string, ReportFilter[], string, string> BrokenLists => new()
    {
        { "first is or", [Or("1")], "Filters[0].FilterType", "the first filter must be 'and'" },
        { "and after or", [And("1"), Or("2"), And("3")], "Filters[2].FilterType", "an 'and' cannot follow an 'or' (Filters[1] is 'or')" },
        { "undefined type", [new ReportFilter { Cli = "1", CliFilter = NumberMatch.Contains }], "Filters[0].FilterType", "must be And or Or" },
        { "no criterion", [new ReportFilter { FilterType = ReportFilterType.And }], "Filters[0]", "has no criterion" },
        { "two criteria", [And("1") with { Cld = "2", CldFilter = NumberMatch.Contains }], "Filters[0]", "has cli and cld" },
        { "cli without match", [new ReportFilter { FilterType = ReportFilterType.And, Cli = "1" }], "Filters[0].CliFilter", "is required with cli" },
        { "match without cli", [new ReportFilter { FilterType = ReportFilterType.And, CliFilter = NumberMatch.Contains, TagsList = ["a"] }], "Filters[0]", "has cli and tags_list" },
        { "empty cld", [new ReportFilter { FilterType = ReportFilterType.And, Cld = " ", CldFilter = NumberMatch.Contains }], "Filters[0].Cld", "is empty" },
        { "bad match", [new ReportFilter { FilterType = ReportFilterType.And, Cld = "1", CldFilter = (NumberMatch)7 }], "Filters[0].CldFilter", "must be Contains, StartsWith or EndsWith" },
        { "empty tags", [new ReportFilter { FilterType = ReportFilterType.And, TagsList = [] }], "Filters[0].TagsList", "is empty" },
        { "blank tag", [new ReportFilter { FilterType = ReportFilterType.And, TagsList = ["vip", ""] }], "Filters[0].TagsList[1]", "is empty" },
        { "billing group on v1", [new ReportFilter { FilterType = ReportFilterType.And, BillingGroup = "bg" }], "Filters[0].BillingGroup", "API v2 only" },
        { "null entry", [And("1"), null!], "Filters[1]", "is null" },
    };

    [Theory]
    [MemberData(nameof(BrokenLists))]
    public void Each_broken_rule_is_reported_with_its_property_and_reason(string because, ReportFilter[] filters, string property, string message)
    {
        var errors = ReportFilters.Validate(filters, TelnyxApiVersion.V1);

        var error = Assert.Single(errors, e => e.PropertyName == property);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        _ = because;
    }

    [Fact]
    public void V2_allows_billing_groups_but_only_one_tag_per_filter()
    {
        var billing = new[] { new ReportFilter { FilterType = ReportFilterType.And, BillingGroup = "bg-1001" } };
        var twoTags = new[] { new ReportFilter { FilterType = ReportFilterType.And, TagsList = ["a", "b"] } };

        Assert.Empty(ReportFilters.Validate(billing, TelnyxApiVersion.V2));
        var error = Assert.Single(ReportFilters.Validate(twoTags, TelnyxApiVersion.V2));
        Assert.Equal("Filters[0].TagsList", error.PropertyName);
        Assert.Contains("exactly one tag per filter", error.Message, StringComparison.Ordinal);
        Assert.Empty(ReportFilters.Validate(twoTags, TelnyxApiVersion.V1));
    }

    [Fact]
    public void Valid_orders_pass()
    {
        Assert.Empty(ReportFilters.Validate(null));
        Assert.Empty(ReportFilters.Validate([]));
        Assert.Empty(ReportFilters.Validate([And("1")]));
        Assert.Empty(ReportFilters.Validate([And("1"), And("2"), Or("3"), Or("4")]));
    }

    [Fact]
    public void Several_broken_rules_are_all_reported_at_once()
    {
        var ex = Assert.Throws<CdrValidationException>(() => ReportFilters.ThrowIfInvalid([Or("1"), new ReportFilter { FilterType = ReportFilterType.Or }]));

        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal("Filters[0].FilterType", ex.PropertyName);
        Assert.Contains("Filters[1]: has no criterion", ex.Message, StringComparison.Ordinal);
    }
}
