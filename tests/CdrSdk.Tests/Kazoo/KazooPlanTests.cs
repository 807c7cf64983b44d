using CdrSdk.Kazoo;

namespace CdrSdk.Tests.Kazoo;

public sealed class KazooPlanTests
{
    [Fact]
    public void Gregorian_seconds_convert_both_ways()
    {
        var instant = new DateTimeOffset(2024, 11, 1, 12, 30, 15, TimeSpan.Zero);

        Assert.Equal(63_897_683_415, GregorianTime.FromDateTimeOffset(instant));
        Assert.Equal(instant, GregorianTime.ToDateTimeOffset(63_897_683_415));
        Assert.Equal(GregorianTime.UnixEpoch, GregorianTime.FromDateTimeOffset(DateTimeOffset.UnixEpoch));
        Assert.Equal(63_897_683_415, GregorianTime.FromDateTimeOffset(instant.AddMilliseconds(999)));
    }

    [Theory]
    [InlineData(0, 99, 100, "0-99")]
    [InlineData(0, 100, 100, "0-99,100-100")]
    [InlineData(10, 259, 100, "10-109,110-209,210-259")]
    [InlineData(5, 5, 100, "5-5")]
    public void Windows_are_consecutive_and_cover_the_range_exactly(long from, long to, long max, string expected)
    {
        var ascending = KazooQueryPlan.Windows(from, to, max, ascending: true);
        var descending = KazooQueryPlan.Windows(from, to, max, ascending: false);

        Assert.Equal(expected, string.Join(',', ascending.Select(w => $"{w.From}-{w.To}")));
        Assert.Equal(ascending.Reverse(), descending);
    }

    [Fact]
    public void A_range_of_instants_becomes_inclusive_whole_seconds()
    {
        var from = new DateTimeOffset(2024, 11, 1, 0, 0, 0, 500, TimeSpan.Zero);
        var to = new DateTimeOffset(2024, 11, 2, 0, 0, 0, TimeSpan.Zero);

        var position = KazooQueryPlan.Start(new KazooCdrQuery { From = from, To = to }, DateTimeOffset.UtcNow);
        var fractional = KazooQueryPlan.Start(new KazooCdrQuery { From = from, To = to.AddMilliseconds(1) }, DateTimeOffset.UtcNow);
        var serverDefault = KazooQueryPlan.Start(new KazooCdrQuery(), DateTimeOffset.UtcNow);

        Assert.Equal(GregorianTime.FromDateTimeOffset(from), position.From);
        Assert.Equal(GregorianTime.FromDateTimeOffset(to) - 1, position.To);
        Assert.Equal(GregorianTime.FromDateTimeOffset(to), fractional.To);
        Assert.Null(serverDefault.From);
        Assert.Null(serverDefault.To);
        Assert.Equal([(null, null)], KazooQueryPlan.Windows(null, null, 100, ascending: false));
    }

    [Fact]
    public void Jwt_tokens_reveal_their_expiry_and_opaque_tokens_do_not()
    {
        var payload = Convert.ToBase64String("{\"exp\":1893456000,\"account_id\":\"x\"}"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1893456000), CdrSdk.Core.Http.TokenCache.JwtExpiry("eyJhbGciOiJSUzI1NiJ9." + payload + ".sig"));
        Assert.Null(CdrSdk.Core.Http.TokenCache.JwtExpiry("4b2ff6d61a6654b26dad205870eb9fe2"));
        Assert.Null(CdrSdk.Core.Http.TokenCache.JwtExpiry("a.%%%.c"));
    }
}
