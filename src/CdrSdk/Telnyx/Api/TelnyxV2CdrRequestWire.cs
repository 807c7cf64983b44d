namespace CdrSdk.Telnyx.Api;

/// <summary>v2 <c>POST /legacy/reporting/batch_detail_records/voice</c> body.</summary>
internal sealed class TelnyxV2CdrRequestWire
{
    public required string StartTime { get; set; }

    public required string EndTime { get; set; }

    public IReadOnlyList<int>? CallTypes { get; set; }

    public IReadOnlyList<int>? RecordTypes { get; set; }

    public IReadOnlyList<long>? Connections { get; set; }

    public string? ReportName { get; set; }

    public string? Source { get; set; }

    public IReadOnlyList<TelnyxV2FilterWire>? Filters { get; set; }

    public string? Timezone { get; set; }

    public IReadOnlyList<string>? Fields { get; set; }

    public bool? IncludeAllMetadata { get; set; }

    public IReadOnlyList<string>? ManagedAccounts { get; set; }

    public bool? SelectAllManagedAccounts { get; set; }
}
