using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Tsg;

/// <summary>An API record (<c>ApiCdr</c>).</summary>
public sealed class TsgApiCdr : TsgCdr
{
    /// <summary><c>from</c>.</summary>
    public string? From { get; set; }

    /// <summary><c>destination</c>.</summary>
    public string? Destination { get; set; }

    /// <summary><c>status</c>, as sent.</summary>
    public string? Status { get; set; }

    /// <summary><c>charge</c>, from a number or a numeric string.</summary>
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public decimal? Charge { get; set; }

    /// <summary><c>type</c>, as sent.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Type { get; set; }
}
