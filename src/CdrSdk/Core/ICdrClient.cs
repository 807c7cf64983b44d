using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

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

    /// <summary>The Voiso contact-center CDR list.</summary>
    /// <exception cref="InvalidOperationException">Voiso is not configured (no <c>Voiso.ApiKey</c> and cluster id).</exception>
    IVoisoClient Voiso { get; }

    /// <summary>The TSG Global GraphQL <c>cdrRecords</c> query.</summary>
    /// <exception cref="InvalidOperationException">TSG is not configured (no <c>Tsg.Token</c> or email/password).</exception>
    ITsgClient Tsg { get; }

    /// <summary>The Kazoo crossbar CDR API (IP Telecom, 2600Hz).</summary>
    /// <exception cref="InvalidOperationException">Kazoo is not configured (no <c>Kazoo.BaseAddress</c> and credentials).</exception>
    IKazooClient Kazoo { get; }
}
