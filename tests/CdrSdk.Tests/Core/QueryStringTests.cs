using CdrSdk.Core.Http;

namespace CdrSdk.Tests.Core;

public sealed class QueryStringTests
{
    [Fact]
    public void Values_are_percent_encoded_and_brackets_in_keys_stay_literal()
    {
        var query = new QueryString()
            .Add("from_phone_number[]", "+1 312")
            .Add("duration[gte]", "30")
            .Add("page[number]", "2")
            .Add("q", "a&b=c/d?e")
            .AddIfNotNull("skipped", (string?)null)
            .AddIfNotNull("limit", 100L);

        Assert.Equal("?from_phone_number[]=%2B1%20312&duration[gte]=30&page[number]=2&q=a%26b%3Dc%2Fd%3Fe&limit=100", query.ToString());
    }

    [Fact]
    public void Keys_are_escaped_around_the_brackets()
    {
        Assert.Equal("?a%20b[c%26d]=1", new QueryString().Add("a b[c&d]", "1").ToString());
    }

    [Fact]
    public void An_empty_query_renders_nothing()
    {
        Assert.Equal(string.Empty, new QueryString().ToString());
    }
}
