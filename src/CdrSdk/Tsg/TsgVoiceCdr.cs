using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Tsg;

/// <summary>A voice record (<c>VoiceCdr</c>).</summary>
public sealed class TsgVoiceCdr : TsgCdr
{
    /// <summary><c>callId</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? CallId { get; set; }

    /// <summary><c>sourceAni</c>: the calling number.</summary>
    public string? SourceAni { get; set; }

    /// <summary><c>destinationNumber</c>.</summary>
    public string? DestinationNumber { get; set; }

    /// <summary><c>didUsed</c>: the DID the call used.</summary>
    public string? DidUsed { get; set; }

    /// <summary><c>sessionTime</c>: the call duration in seconds, from a number or a numeric string.</summary>
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public decimal? SessionTime { get; set; }

    /// <summary><c>status</c>, as sent.</summary>
    public string? Status { get; set; }

    /// <summary><c>calledRate</c>, from a number or a numeric string.</summary>
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public decimal? CalledRate { get; set; }

    /// <summary><c>charge</c>, from a number or a numeric string.</summary>
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public decimal? Charge { get; set; }

    /// <summary><c>callType</c>, as sent.</summary>
    public string? CallType { get; set; }

    /// <summary><c>aniIi</c>: the ANI information digits.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? AniIi { get; set; }
}
