using System.Text.Json;

namespace CdrSdk.Telnyx.Api;

/// <summary>A report as either API version sends it; loosely typed where the versions disagree.</summary>
internal sealed class TelnyxReportWire
{
    public JsonElement Id { get; set; }

    public JsonElement Status { get; set; }

    public string? ReportUrl { get; set; }

    public JsonElement StartTime { get; set; }

    public JsonElement EndTime { get; set; }

    public JsonElement StartDate { get; set; }

    public JsonElement EndDate { get; set; }

    public JsonElement CallTypes { get; set; }

    public JsonElement RecordTypes { get; set; }

    public JsonElement Connections { get; set; }

    public JsonElement Profiles { get; set; }

    public JsonElement Directions { get; set; }

    public JsonElement ManagedAccounts { get; set; }

    public string? ReportName { get; set; }

    public JsonElement Filters { get; set; }

    public string? Source { get; set; }

    public string? Timezone { get; set; }

    public string? RecordType { get; set; }

    public JsonElement Retry { get; set; }

    public JsonElement CreatedAt { get; set; }

    public JsonElement UpdatedAt { get; set; }
}
