using CdrSdk.Voiso;

namespace CdrSdk;

/// <summary>The Voiso part of the entry point.</summary>
public partial interface ICdrClient
{
    /// <summary>The Voiso contact-center CDR list.</summary>
    /// <exception cref="InvalidOperationException">Voiso is not configured (no <c>Voiso.ApiKey</c> and cluster id).</exception>
    IVoisoClient Voiso { get; }
}
