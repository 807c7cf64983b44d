using CdrSdk.Telnyx;

namespace CdrSdk;

/// <summary>The Telnyx part of the entry point.</summary>
public partial interface ICdrClient
{
    /// <summary>The Telnyx reporting API (CDR and MDR report requests).</summary>
    /// <exception cref="InvalidOperationException">Telnyx is not configured (no <c>Telnyx.ApiKey</c>).</exception>
    ITelnyxClient Telnyx { get; }
}
