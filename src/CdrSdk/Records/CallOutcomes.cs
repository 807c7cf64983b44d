using System.Collections.Frozen;

namespace CdrSdk;

/// <summary>Maps the providers' status, disposition and hangup-cause words to <see cref="CallOutcome"/>.</summary>
public static class CallOutcomes
{
    // Keys are lower case with '-' and ' ' turned into '_'.
    private static readonly FrozenDictionary<string, CallOutcome> Words = new Dictionary<string, CallOutcome>(StringComparer.Ordinal)
    {
        ["answered"] = CallOutcome.Answered,
        ["answer"] = CallOutcome.Answered,
        ["completed"] = CallOutcome.Answered,
        ["normal_clearing"] = CallOutcome.Answered,
        ["answered_by_vm"] = CallOutcome.Answered,
        ["machine_answered"] = CallOutcome.Answered,
        ["no_answer"] = CallOutcome.NoAnswer,
        ["noanswer"] = CallOutcome.NoAnswer,
        ["unanswered"] = CallOutcome.NoAnswer,
        ["missed"] = CallOutcome.NoAnswer,
        ["no_user_response"] = CallOutcome.NoAnswer,
        ["busy"] = CallOutcome.Busy,
        ["user_busy"] = CallOutcome.Busy,
        ["cancelled"] = CallOutcome.Cancelled,
        ["canceled"] = CallOutcome.Cancelled,
        ["originator_cancel"] = CallOutcome.Cancelled,
        ["abandoned"] = CallOutcome.Cancelled,
        ["dialer_abandoned"] = CallOutcome.Cancelled,
        ["system_abandoned"] = CallOutcome.Cancelled,
        ["failed"] = CallOutcome.Failed,
        ["failure"] = CallOutcome.Failed,
        ["error"] = CallOutcome.Failed,
        ["rejected"] = CallOutcome.Failed,
        ["call_rejected"] = CallOutcome.Failed,
        ["system_reject"] = CallOutcome.Failed,
        ["route_unavailable"] = CallOutcome.Failed,
        ["unallocated_number"] = CallOutcome.Failed,
        ["not_sent"] = CallOutcome.Failed,
        ["not_delivered"] = CallOutcome.Failed,
        ["undelivered"] = CallOutcome.Failed,
        ["delivery_failed"] = CallOutcome.Failed,
        ["sent"] = CallOutcome.Sent,
        ["queued"] = CallOutcome.Sent,
        ["sending"] = CallOutcome.Sent,
        ["delivered"] = CallOutcome.Delivered,
        ["received"] = CallOutcome.Received,
        ["success"] = CallOutcome.Completed,
        ["successful"] = CallOutcome.Completed,
        ["ok"] = CallOutcome.Completed,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The outcome a provider word stands for, ignoring case and treating <c>-</c> and spaces as <c>_</c>:
    /// answered/completed/NORMAL_CLEARING/answered_by_VM → Answered; no_answer/missed → NoAnswer;
    /// busy/USER_BUSY → Busy; cancelled/ORIGINATOR_CANCEL/abandoned → Cancelled; failed/rejected/CALL_REJECTED/
    /// not_delivered/route_unavailable → Failed; sent/queued → Sent; delivered → Delivered; received → Received;
    /// success/ok → Completed; anything else (or nothing) → Unknown.
    /// </summary>
    /// <param name="raw">The provider's word.</param>
    /// <returns>The outcome.</returns>
    public static CallOutcome Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return CallOutcome.Unknown;
        }

        var key = raw.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        return Words.GetValueOrDefault(key, CallOutcome.Unknown);
    }
}
