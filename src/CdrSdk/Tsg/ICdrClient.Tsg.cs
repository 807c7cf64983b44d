using CdrSdk.Tsg;

namespace CdrSdk;

/// <summary>The TSG part of the entry point.</summary>
public partial interface ICdrClient
{
    /// <summary>The TSG Global GraphQL <c>cdrRecords</c> query.</summary>
    /// <exception cref="InvalidOperationException">TSG is not configured (no <c>Tsg.Token</c> or email/password).</exception>
    ITsgClient Tsg { get; }
}
