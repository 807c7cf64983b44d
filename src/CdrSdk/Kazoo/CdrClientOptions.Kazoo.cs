using CdrSdk.Kazoo;

namespace CdrSdk;

/// <summary>The Kazoo section of the settings.</summary>
public sealed partial class CdrClientOptions
{
    /// <summary>Kazoo crossbar settings (IP Telecom, 2600Hz).</summary>
    public KazooOptions Kazoo { get; set; } = new();
}
