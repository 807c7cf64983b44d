using System.Text.Json;

namespace CdrSdk.Voiso;

/// <summary>A record of a type this SDK version does not know; its <c>data</c> is kept as sent.</summary>
public sealed class VoisoUnknownCdr : VoisoCdr
{
    /// <summary>The <c>data</c> object as sent (undefined when the record had none).</summary>
    public JsonElement Data { get; set; }
}
