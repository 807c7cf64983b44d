namespace CdrSdk;

/// <summary>
/// How a call or message ended, normalized across providers. <see cref="CallRecord.RawOutcome"/> keeps the
/// provider's own value; <see cref="CallOutcomes.Normalize(string?)"/> documents the mapping.
/// </summary>
public enum CallOutcome
{
    /// <summary>Not given, still in progress, or a value the SDK does not map.</summary>
    Unknown = 0,

    /// <summary>The call was answered (by a person or a machine).</summary>
    Answered = 1,

    /// <summary>Nobody answered, or the call was missed.</summary>
    NoAnswer = 2,

    /// <summary>The called party was busy.</summary>
    Busy = 3,

    /// <summary>The caller or the system gave up before an answer (cancelled, abandoned).</summary>
    Cancelled = 4,

    /// <summary>The call or message failed or was rejected.</summary>
    Failed = 5,

    /// <summary>The message was sent (or queued) without a delivery receipt.</summary>
    Sent = 6,

    /// <summary>The message was delivered.</summary>
    Delivered = 7,

    /// <summary>The message was received.</summary>
    Received = 8,

    /// <summary>A non-call transaction (a lookup, an API request) succeeded.</summary>
    Completed = 9,
}
