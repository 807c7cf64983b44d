namespace CdrSdk.Telnyx;

/// <summary>Which generation of the Telnyx reporting API the client speaks.</summary>
public enum TelnyxApiVersion
{
    /// <summary>
    /// API v1 (the default): <c>https://api.telnyx.com/reporting/cdr_requests</c> and <c>.../mdr_requests</c>,
    /// <c>x-api-user</c>/<c>x-api-token</c> or <c>Authorization: Token</c>, bare JSON bodies.
    /// </summary>
    V1 = 1,

    /// <summary>
    /// API v2 "legacy reporting": <c>https://api.telnyx.com/v2/legacy/reporting/batch_detail_records/voice</c> and
    /// <c>.../messaging</c>, <c>Authorization: Bearer</c>, <c>{"data": ...}</c> envelopes.
    /// </summary>
    V2 = 2,
}
