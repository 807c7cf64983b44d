using CdrSdk.Tsg;

namespace CdrSdk;

/// <summary>The TSG part of the client.</summary>
public sealed partial class CdrClient
{
    /// <inheritdoc />
    public ITsgClient Tsg => Client<ITsgClient>(CdrProvider.Tsg);
}
