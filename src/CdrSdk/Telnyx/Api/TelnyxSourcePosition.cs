using System.Text.Json.Serialization;

namespace CdrSdk.Telnyx.Api;

/// <summary>Where a report-backed source stands: which report, and how many of its rows were delivered.</summary>
internal sealed class TelnyxSourcePosition
{
    [JsonPropertyName("r")]
    public string ReportId { get; init; } = string.Empty;

    [JsonPropertyName("n")]
    public long Rows { get; init; }
}
