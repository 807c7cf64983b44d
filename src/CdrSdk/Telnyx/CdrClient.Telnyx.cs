using CdrSdk.Telnyx;

namespace CdrSdk;

/// <summary>The Telnyx part of the client.</summary>
public sealed partial class CdrClient
{
    /// <inheritdoc />
    public ITelnyxClient Telnyx => Client<ITelnyxClient>(CdrProvider.Telnyx);
}
