using CdrSdk.Kazoo;

namespace CdrSdk;

/// <summary>The Kazoo part of the entry point.</summary>
public partial interface ICdrClient
{
    /// <summary>The Kazoo crossbar CDR API (IP Telecom, 2600Hz).</summary>
    /// <exception cref="InvalidOperationException">Kazoo is not configured (no <c>Kazoo.BaseAddress</c> and credentials).</exception>
    IKazooClient Kazoo { get; }
}
