namespace CdrSdk;

/// <summary>Maps the providers' direction words to <see cref="CallDirection"/>.</summary>
public static class CallDirections
{
    /// <summary>
    /// The direction a provider word stands for, ignoring case: inbound/incoming/in/inbound_sms → Inbound;
    /// outbound/outgoing/out/outbound_sms/dialer/click_to_call/queue_callback → Outbound; internal/local →
    /// Internal; anything else (or nothing) → Unknown.
    /// </summary>
    /// <param name="raw">The provider's word.</param>
    /// <returns>The direction.</returns>
    public static CallDirection Normalize(string? raw) =>
        raw?.Trim().ToLowerInvariant() switch
        {
            "inbound" or "incoming" or "in" or "inbound_sms" => CallDirection.Inbound,
            "outbound" or "outgoing" or "out" or "outbound_sms" or "dialer" or "click_to_call" or "queue_callback" => CallDirection.Outbound,
            "internal" or "local" => CallDirection.Internal,
            _ => CallDirection.Unknown,
        };
}
