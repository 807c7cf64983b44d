using CdrSdk.Voiso;

namespace CdrSdk;

/// <summary>The Voiso section of the settings.</summary>
public sealed partial class CdrClientOptions
{
    /// <summary>Voiso contact-center settings.</summary>
    public VoisoOptions Voiso { get; set; } = new();
}
