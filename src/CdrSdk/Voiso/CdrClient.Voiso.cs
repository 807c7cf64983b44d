using CdrSdk.Voiso;

namespace CdrSdk;

/// <summary>The Voiso part of the client.</summary>
public sealed partial class CdrClient
{
    /// <inheritdoc />
    public IVoisoClient Voiso => Client<IVoisoClient>(CdrProvider.Voiso);
}
