using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdrSdk.Voiso;

/// <summary>A record of a type this SDK version does not know; its <c>data</c> is kept as sent.</summary>
public sealed class VoisoUnknownCdr : VoisoCdr
{
    /// <summary>The <c>data</c> object as sent (undefined, <c>default</c>, when the record had none, and then not written).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Data { get; set; }
}
