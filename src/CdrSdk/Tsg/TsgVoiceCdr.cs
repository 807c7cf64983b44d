using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Tsg;

/// <summary>A voice record (<c>VoiceCdr</c>).</summary>
public sealed class TsgVoiceCdr : TsgCdr
{
    /// <summary><c>callId</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? CallId { get; init; }

    /// <summary><c>sourceAni</c>: the calling number.</summary>
    public string? SourceAni { get; init; }

    /// <summary><c>destinationNumber</c>.</summary>
    public string? DestinationNumber { get; init; }

    /// <summary><c>didUsed</c>: the DID the call used.</summary>
    public string? DidUsed { get; init; }

    /// <summary><c>sessionTime</c>: the call duration in seconds, from a number or a numeric string.</summary>
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public decimal? SessionTime { get; init; }

    /// <summary><c>status</c>, as sent.</summary>
    public string? Status { get; init; }

    /// <summary><c>calledRate</c>, from a number or a numeric string.</summary>
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public decimal? CalledRate { get; init; }

    /// <summary><c>charge</c>, from a number or a numeric string.</summary>
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public decimal? Charge { get; init; }

    /// <summary><c>callType</c>, as sent.</summary>
    public string? CallType { get; init; }

    /// <summary><c>aniIi</c>: the ANI information digits.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? AniIi { get; init; }
}
