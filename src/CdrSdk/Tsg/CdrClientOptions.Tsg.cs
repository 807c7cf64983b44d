using CdrSdk.Tsg;

namespace CdrSdk;

/// <summary>The Tsg section of the settings.</summary>
public sealed partial class CdrClientOptions
{
    /// <summary>TSG Global GraphQL settings.</summary>
    public TsgOptions Tsg { get; set; } = new();
}
