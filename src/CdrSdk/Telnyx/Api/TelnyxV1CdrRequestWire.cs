namespace CdrSdk.Telnyx.Api;

/// <summary>v1 <c>POST /reporting/cdr_requests</c> body.</summary>
internal sealed class TelnyxV1CdrRequestWire
{
    public required string StartTime { get; set; }

    public string? EndTime { get; set; }

    public IReadOnlyList<int>? CallTypes { get; set; }

    public IReadOnlyList<int>? RecordTypes { get; set; }

    public IReadOnlyList<string>? Connections { get; set; }

    public string? ReportName { get; set; }

    public string? Source { get; set; }

    public IReadOnlyList<TelnyxV1FilterWire>? Filters { get; set; }
}
