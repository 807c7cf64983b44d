namespace CdrSdk.Telnyx.Api;

/// <summary>v2 <c>POST /legacy/reporting/batch_detail_records/messaging</c> body.</summary>
internal sealed class TelnyxV2MdrRequestWire
{
    public required string StartTime { get; set; }

    public required string EndTime { get; set; }

    public IReadOnlyList<int>? RecordTypes { get; set; }

    public IReadOnlyList<long>? Connections { get; set; }

    public IReadOnlyList<string>? Profiles { get; set; }

    public IReadOnlyList<int>? Directions { get; set; }

    public string? ReportName { get; set; }

    public IReadOnlyList<TelnyxV2FilterWire>? Filters { get; set; }

    public string? Timezone { get; set; }

    public bool? IncludeMessageBody { get; set; }

    public IReadOnlyList<string>? ManagedAccounts { get; set; }

    public bool? SelectAllManagedAccounts { get; set; }
}
