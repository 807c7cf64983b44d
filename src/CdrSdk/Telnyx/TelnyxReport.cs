namespace CdrSdk.Telnyx;

/// <summary>What CDR and MDR report requests have in common, as the server describes them.</summary>
public abstract class TelnyxReport
{
    /// <summary>Creates the shared part of a report (for derived types and tests).</summary>
    protected TelnyxReport()
    {
    }

    /// <summary><c>id</c>: the report request id; use it to check on or resume the report later.</summary>
    public required string Id { get; init; }

    /// <summary><c>status</c>: pending, complete, failed or expired.</summary>
    public ReportStatus Status { get; init; }

    /// <summary><c>report_url</c>: where the CSV can be downloaded (without credentials); <see langword="null"/> until complete.</summary>
    public Uri? ReportUrl { get; init; }

    /// <summary><c>start_time</c> (v2 MDR: <c>start_date</c>).</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary><c>end_time</c> (v2 MDR: <c>end_date</c>).</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary><c>record_types</c>.</summary>
    public IReadOnlyList<TelnyxRecordType> RecordTypes { get; init; } = [];

    /// <summary><c>connections</c>, as text whether the server sent strings or numbers.</summary>
    public IReadOnlyList<string> Connections { get; init; } = [];

    /// <summary><c>report_name</c>.</summary>
    public string? ReportName { get; init; }

    /// <summary><c>filters</c>, parsed whether the server sent an array or a JSON string.</summary>
    public IReadOnlyList<ReportFilter> Filters { get; init; } = [];

    /// <summary><c>filters</c> as sent, when the server sent a string the SDK could not parse into filters.</summary>
    public string? RawFilters { get; init; }

    /// <summary><c>timezone</c>.</summary>
    public string? Timezone { get; init; }

    /// <summary><c>managed_accounts</c> (v2).</summary>
    public IReadOnlyList<string> ManagedAccounts { get; init; } = [];

    /// <summary><c>record_type</c> (v2), for example <c>cdr_detailed_report</c> or <c>mdr_report</c>.</summary>
    public string? RecordType { get; init; }

    /// <summary><c>created_at</c>.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary><c>updated_at</c>.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary><see langword="true"/> when the report can no longer change (complete, failed or expired).</summary>
    public bool IsTerminal => Status is ReportStatus.Complete or ReportStatus.Failed or ReportStatus.Expired;
}
