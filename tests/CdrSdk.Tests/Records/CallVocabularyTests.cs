namespace CdrSdk.Tests.Records;

public sealed class CallVocabularyTests
{
    [Theory]
    [InlineData("answered", CallOutcome.Answered)]
    [InlineData("ANSWERED", CallOutcome.Answered)]
    [InlineData("completed", CallOutcome.Answered)]
    [InlineData("NORMAL_CLEARING", CallOutcome.Answered)]
    [InlineData("answered_by_VM", CallOutcome.Answered)]
    [InlineData("machine_answered", CallOutcome.Answered)]
    [InlineData("no-answer", CallOutcome.NoAnswer)]
    [InlineData("no answer", CallOutcome.NoAnswer)]
    [InlineData("NO_ANSWER", CallOutcome.NoAnswer)]
    [InlineData("missed", CallOutcome.NoAnswer)]
    [InlineData(" busy ", CallOutcome.Busy)]
    [InlineData("USER_BUSY", CallOutcome.Busy)]
    [InlineData("ORIGINATOR_CANCEL", CallOutcome.Cancelled)]
    [InlineData("abandoned", CallOutcome.Cancelled)]
    [InlineData("canceled", CallOutcome.Cancelled)]
    [InlineData("CALL_REJECTED", CallOutcome.Failed)]
    [InlineData("route_unavailable", CallOutcome.Failed)]
    [InlineData("not_delivered", CallOutcome.Failed)]
    [InlineData("FAILED", CallOutcome.Failed)]
    [InlineData("sent", CallOutcome.Sent)]
    [InlineData("queued", CallOutcome.Sent)]
    [InlineData("DELIVERED", CallOutcome.Delivered)]
    [InlineData("received", CallOutcome.Received)]
    [InlineData("SUCCESS", CallOutcome.Completed)]
    [InlineData("active", CallOutcome.Unknown)]
    [InlineData("waiting", CallOutcome.Unknown)]
    [InlineData("", CallOutcome.Unknown)]
    [InlineData(null, CallOutcome.Unknown)]
    public void Outcome_words_are_normalized(string? raw, CallOutcome expected) =>
        Assert.Equal(expected, CallOutcomes.Normalize(raw));

    [Theory]
    [InlineData("inbound", CallDirection.Inbound)]
    [InlineData("INBOUND", CallDirection.Inbound)]
    [InlineData("incoming", CallDirection.Inbound)]
    [InlineData("inbound_sms", CallDirection.Inbound)]
    [InlineData("outbound", CallDirection.Outbound)]
    [InlineData("Outgoing", CallDirection.Outbound)]
    [InlineData("dialer", CallDirection.Outbound)]
    [InlineData("click_to_call", CallDirection.Outbound)]
    [InlineData("queue_callback", CallDirection.Outbound)]
    [InlineData("internal", CallDirection.Internal)]
    [InlineData("whatsapp", CallDirection.Unknown)]
    [InlineData(null, CallDirection.Unknown)]
    public void Direction_words_are_normalized(string? raw, CallDirection expected) =>
        Assert.Equal(expected, CallDirections.Normalize(raw));
}
