using CdrSdk.Telnyx;

namespace CdrSdk;

/// <summary>The Telnyx section of the settings.</summary>
public sealed partial class CdrClientOptions
{
    /// <summary>Telnyx reporting settings.</summary>
    public TelnyxOptions Telnyx { get; set; } = new();
}
