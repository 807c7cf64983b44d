using CdrSdk.Paging;
using CdrSdk.Telnyx.Api;

namespace CdrSdk.Tests.Core;

public sealed class ContinuationTokenCodecTests
{
    [Fact]
    public void A_token_round_trips_and_is_url_safe()
    {
        var token = ContinuationTokenCodec.Encode("telnyx-cdr-reports", new TelnyxListPosition { Page = 12345, Size = 250 }, TelnyxJsonContext.Wire.TelnyxListPosition);

        Assert.StartsWith("telnyx-cdr-reports.", token, StringComparison.Ordinal);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.DoesNotContain('=', token);
        var back = ContinuationTokenCodec.Decode(token, "telnyx-cdr-reports", TelnyxJsonContext.Wire.TelnyxListPosition);
        Assert.Equal(12345, back.Page);
        Assert.Equal(250, back.Size);
    }

    [Fact]
    public void A_token_of_another_sequence_is_rejected_with_both_names()
    {
        var token = ContinuationTokenCodec.Encode("telnyx-mdr-reports", new TelnyxListPosition { Page = 2, Size = 1 }, TelnyxJsonContext.Wire.TelnyxListPosition);

        var ex = Assert.Throws<ArgumentException>(() => ContinuationTokenCodec.Decode(token, "telnyx-cdr-reports", TelnyxJsonContext.Wire.TelnyxListPosition));

        Assert.Equal("continuationToken", ex.ParamName);
        Assert.Contains("'telnyx-mdr-reports'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'telnyx-cdr-reports'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("telnyx-cdr-reports.%%%")]
    [InlineData("telnyx-cdr-reports.bm90IGpzb24")]
    [InlineData("no-separator")]
    [InlineData("")]
    public void A_damaged_token_is_an_argument_error(string token)
    {
        var ex = Assert.Throws<ArgumentException>(() => ContinuationTokenCodec.Decode(token, "telnyx-cdr-reports", TelnyxJsonContext.Wire.TelnyxListPosition));

        Assert.Equal("continuationToken", ex.ParamName);
    }
}
