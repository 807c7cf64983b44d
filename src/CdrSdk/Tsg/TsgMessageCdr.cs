using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Tsg;

/// <summary>A message record (<c>MessageCdr</c>).</summary>
public sealed class TsgMessageCdr : TsgCdr
{
    /// <summary><c>fromNumber</c>.</summary>
    public string? FromNumber { get; set; }

    /// <summary><c>toNumber</c>.</summary>
    public string? ToNumber { get; set; }

    /// <summary><c>direction</c>, as sent.</summary>
    public string? Direction { get; set; }

    /// <summary><c>status</c>, as sent.</summary>
    public string? Status { get; set; }

    /// <summary><c>charge</c>, from a number or a numeric string.</summary>
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public decimal? Charge { get; set; }

    /// <summary><c>type</c>, as sent (for example <c>SMS</c>).</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Type { get; set; }
}
