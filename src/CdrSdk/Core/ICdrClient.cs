using CdrSdk.Telnyx;

namespace CdrSdk;

/// <summary>
/// The SDK's entry point: one client per application, giving access to each configured provider. Thread-safe;
/// share one instance (it pools connections).
/// </summary>
public interface ICdrClient
{
    /// <summary>The Telnyx reporting API (CDR and MDR report requests).</summary>
    /// <exception cref="InvalidOperationException">Telnyx is not configured (no <c>Telnyx.ApiKey</c>).</exception>
    ITelnyxClient Telnyx { get; }
}
