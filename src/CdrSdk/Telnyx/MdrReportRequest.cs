namespace CdrSdk.Telnyx;

/// <summary>
/// An MDR (message detail record) report request (<c>POST /reporting/mdr_requests</c> in v1,
/// <c>POST /legacy/reporting/batch_detail_records/messaging</c> in v2). Validated before sending.
/// </summary>
/// <remarks>
/// Rules checked before any HTTP call: <see cref="StartTime"/> is set and before <see cref="EndTime"/>;
/// <see cref="EndTime"/> is required in v2; lists are non-empty when given and hold known values; v1/v2-only
/// settings are rejected on the other version; the filter list follows the Telnyx ordering rules.
/// When the range includes the last 4 hours, messages still awaiting delivery confirmation may be missing: the
/// SDK logs a warning (it is not an error).
/// </remarks>
public sealed record MdrReportRequest
{
    /// <summary><c>start_time</c>: the first instant covered (inclusive). Required; sent as UTC ISO 8601.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary><c>end_time</c>: the end of the range. Optional in v1, required in v2.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary><c>call_types</c>: inbound and/or outbound. v1 only (v2 uses <see cref="Directions"/>).</summary>
    public IReadOnlyList<TelnyxCallType>? CallTypes { get; init; }

    /// <summary><c>record_types</c>: complete, incomplete and/or errors. Server default: complete only.</summary>
    public IReadOnlyList<TelnyxRecordType>? RecordTypes { get; init; }

    /// <summary><c>connections</c>: connection ids to include. v2 requires numeric ids.</summary>
    public IReadOnlyList<string>? Connections { get; init; }

    /// <summary><c>profiles</c>: messaging profile ids to include.</summary>
    public IReadOnlyList<string>? Profiles { get; init; }

    /// <summary><c>directions</c>: inbound and/or outbound messages.</summary>
    public IReadOnlyList<MessageDirection>? Directions { get; init; }

    /// <summary><c>report_name</c>: a name to recognise the report by.</summary>
    public string? ReportName { get; init; }

    /// <summary><c>filters</c>: build with <see cref="ReportFilters.Where(FilterCriterion)"/>.</summary>
    public IReadOnlyList<ReportFilter>? Filters { get; init; }

    /// <summary><c>timezone</c>: the time zone of <see cref="StartTime"/> and <see cref="EndTime"/> in the report. Server default <c>UTC</c>.</summary>
    public string? Timezone { get; init; }

    /// <summary><c>include_message_body</c>: include the message text. v2 only.</summary>
    public bool? IncludeMessageBody { get; init; }

    /// <summary><c>managed_accounts</c>: managed account ids to include. v2 only.</summary>
    public IReadOnlyList<string>? ManagedAccounts { get; init; }

    /// <summary><c>select_all_managed_accounts</c>: include every managed account. v2 only.</summary>
    public bool? SelectAllManagedAccounts { get; init; }
}
