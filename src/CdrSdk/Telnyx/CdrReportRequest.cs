namespace CdrSdk.Telnyx;

/// <summary>
/// A CDR report request (<c>POST /reporting/cdr_requests</c> in v1,
/// <c>POST /legacy/reporting/batch_detail_records/voice</c> in v2). Validated before sending.
/// </summary>
/// <remarks>
/// Rules checked before any HTTP call: <see cref="StartTime"/> is set and before <see cref="EndTime"/>;
/// <see cref="EndTime"/> is less than 24 hours from now (by the client's clock) and required in v2; lists are
/// non-empty when given and hold known values; v2-only settings are rejected on v1; the filter list follows the
/// Telnyx ordering rules. CDRs are kept for 30 days: an older <see cref="StartTime"/> is logged as a warning.
/// </remarks>
public sealed record CdrReportRequest
{
    /// <summary><c>start_time</c>: the first instant covered (inclusive). Required; sent as UTC ISO 8601.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary><c>end_time</c>: the end of the range. Must be less than 24 hours from now. Optional in v1 (the server picks now), required in v2.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary><c>call_types</c>: inbound and/or outbound. Server default: inbound only.</summary>
    public IReadOnlyList<TelnyxCallType>? CallTypes { get; init; }

    /// <summary><c>record_types</c>: complete, incomplete and/or errors. Server default: complete only.</summary>
    public IReadOnlyList<TelnyxRecordType>? RecordTypes { get; init; }

    /// <summary><c>connections</c>: connection ids to include. v2 requires numeric ids.</summary>
    public IReadOnlyList<string>? Connections { get; init; }

    /// <summary><c>report_name</c>: a name to recognise the report by.</summary>
    public string? ReportName { get; init; }

    /// <summary><c>source</c>: <c>calls</c> (default) or <c>call-control</c>; v2 adds <c>fax-api</c> and <c>webrtc</c>.</summary>
    public CdrReportSource? Source { get; init; }

    /// <summary><c>filters</c>: build with <see cref="ReportFilters.Where(FilterCriterion)"/>.</summary>
    public IReadOnlyList<ReportFilter>? Filters { get; init; }

    /// <summary><c>timezone</c>: the time zone of the report's times (for example <c>UTC</c>, <c>America/Chicago</c>). v2 only.</summary>
    public string? Timezone { get; init; }

    /// <summary><c>fields</c>: the report columns to include (see the v2 fields endpoint). v2 only.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary><c>include_all_metadata</c>: include every metadata column. v2 only.</summary>
    public bool? IncludeAllMetadata { get; init; }

    /// <summary><c>managed_accounts</c>: managed account ids to include. v2 only.</summary>
    public IReadOnlyList<string>? ManagedAccounts { get; init; }

    /// <summary><c>select_all_managed_accounts</c>: include every managed account. v2 only.</summary>
    public bool? SelectAllManagedAccounts { get; init; }
}
