using CdrSdk.Telnyx;

namespace CdrSdk.Tests.Telnyx;

public sealed class ReportFilterBuilderTests
{
    [Fact]
    public void Where_starts_with_an_and_filter_and_keeps_order()
    {
        var filters = ReportFilters.Where(Cli.StartsWith("+1312"))
            .And(Cld.Contains("555"))
            .Or(Tags.Any("vip", "sales"))
            .Or(Cld.EndsWith("0100"))
            .Build();

        Assert.Equal(4, filters.Count);
        Assert.Equal(new ReportFilter { FilterType = ReportFilterType.And, Cli = "+1312", CliFilter = NumberMatch.StartsWith }, filters[0]);
        Assert.Equal(ReportFilterType.And, filters[1].FilterType);
        Assert.Equal("555", filters[1].Cld);
        Assert.Equal(NumberMatch.Contains, filters[1].CldFilter);
        Assert.Equal(ReportFilterType.Or, filters[2].FilterType);
        Assert.Equal(["vip", "sales"], filters[2].TagsList);
        Assert.Equal(ReportFilterType.Or, filters[3].FilterType);
        Assert.Equal(NumberMatch.EndsWith, filters[3].CldFilter);
        Assert.Empty(ReportFilters.Validate(filters));
    }

    [Fact]
    public void Chains_are_immutable()
    {
        var start = ReportFilters.Where(Cli.Contains("1"));
        var longer = start.And(Cld.Contains("2"));

        Assert.Single(start.Build());
        Assert.Equal(2, longer.Build().Count);
    }

    [Fact]
    public void Builder_output_describes_itself_in_wire_terms()
    {
        var chain = ReportFilters.Where(Cli.StartsWith("+1312")).Or(Tags.Any("vip"));

        Assert.Equal("and cli starts_with '+1312', or tags [vip]", chain.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_numbers_are_rejected_when_the_criterion_is_created(string number)
    {
        var ex = Assert.Throws<ArgumentException>(() => Cli.StartsWith(number));
        Assert.Equal("prefix", ex.ParamName);
        Assert.Contains("non-empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_need_at_least_one_non_empty_tag()
    {
        Assert.Contains("At least one tag", Assert.Throws<ArgumentException>(() => Tags.Any()).Message, StringComparison.Ordinal);
        Assert.Contains("tags[1] is empty", Assert.Throws<ArgumentException>(() => Tags.Any("vip", " ")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_match_kind_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Cli.Matches("1", (NumberMatch)9));
        Assert.Contains("Contains, StartsWith or EndsWith", ex.Message, StringComparison.Ordinal);
    }
}
