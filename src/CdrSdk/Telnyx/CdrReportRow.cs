using CdrSdk.Core.Csv;

namespace CdrSdk.Telnyx;

/// <summary>
/// One call of a finished CDR report. Telnyx does not document the report's columns authoritatively, so the
/// typed properties read the first of several likely column names; every column stays reachable through the
/// indexer (<c>row["billing_group"]</c>).
/// </summary>
public sealed class CdrReportRow : CsvRecord
{
    // Telnyx does not document the report columns; these are the names its v1 and v2 reports, detail-record search
    // and field lists use. Matching ignores case, spaces, hyphens and underscores (CallLegId, "Call Leg ID").
    // call_session_id is not an id here: the legs of one call share it.
    private static readonly string[] IdColumns = ["uuid", "id", "call_leg_id", "telnyx_leg_id", "leg_id", "cdr_id", "call_id", "sip_call_id"];
    private static readonly string[] CliColumns = ["cli", "from", "origination_number", "originating_number", "caller_id", "caller_number", "source_number"];
    private static readonly string[] CldColumns = ["cld", "to", "terminating_number", "destination_number", "dest_number", "dialed_number", "called_number"];
    private static readonly string[] DirectionColumns = ["direction", "call_direction"];
    private static readonly string[] StartColumns = ["start_time", "started_at", "start_timestamp_utc", "start_timestamp", "call_start_time", "date"];
    private static readonly string[] AnswerColumns = ["answer_time", "answered_at", "answer_timestamp"];
    private static readonly string[] EndColumns = ["end_time", "ended_at", "end_timestamp", "finished_at", "hangup_time"];
    private static readonly string[] DurationColumns = ["call_sec", "duration", "duration_seconds", "call_duration"];
    private static readonly string[] BilledColumns = ["billed_sec", "billable_time", "billing_seconds", "billed_duration"];
    private static readonly string[] RateColumns = ["rate"];
    private static readonly string[] CostColumns = ["cost", "total_cost", "call_cost"];
    private static readonly string[] CurrencyColumns = ["currency", "rate_currency", "cost_currency"];
    private static readonly string[] StatusColumns = ["status", "call_status", "disposition"];
    private static readonly string[] HangupColumns = ["hangup_cause", "hangup_reason", "sip_hangup_cause"];
    private static readonly string[] ConnectionColumns = ["connection_id", "connection"];
    private static readonly string[] TagColumns = ["tags", "tags_list", "tag"];

    internal CdrReportRow(CsvHeader header, string[] fields)
        : base(header, fields)
    {
    }

    /// <summary>
    /// The call leg id: the first of <c>uuid</c>, <c>id</c>, <c>call_leg_id</c>, <c>telnyx_leg_id</c>, <c>leg_id</c>,
    /// <c>cdr_id</c>, <c>call_id</c>, <c>sip_call_id</c> that the report has (names compared ignoring case, spaces,
    /// hyphens and underscores); <see langword="null"/> when it has none. <c>CallRecord.Id</c> then derives one from
    /// the row's content (docs/unified-records.md).
    /// </summary>
    public string? Id => GetString(IdColumns);

    /// <summary>The calling number (<c>cli</c> or <c>from</c>).</summary>
    public string? Cli => GetString(CliColumns);

    /// <summary>The called number (<c>cld</c> or <c>to</c>).</summary>
    public string? Cld => GetString(CldColumns);

    /// <summary>The direction as written in the report (for example <c>inbound</c>).</summary>
    public string? Direction => GetString(DirectionColumns);

    /// <summary>When the call started.</summary>
    public DateTimeOffset? StartedAt => GetDateTimeOffset(StartColumns);

    /// <summary>When the call was answered, if it was.</summary>
    public DateTimeOffset? AnsweredAt => GetDateTimeOffset(AnswerColumns);

    /// <summary>When the call ended.</summary>
    public DateTimeOffset? EndedAt => GetDateTimeOffset(EndColumns);

    /// <summary>The call duration in seconds.</summary>
    public long? DurationSeconds => GetInt64(DurationColumns);

    /// <summary>The billed duration in seconds.</summary>
    public long? BilledSeconds => GetInt64(BilledColumns);

    /// <summary>The rate per minute.</summary>
    public decimal? Rate => GetDecimal(RateColumns);

    /// <summary>The cost of the call.</summary>
    public decimal? Cost => GetDecimal(CostColumns);

    /// <summary>The currency of <see cref="Rate"/> and <see cref="Cost"/>.</summary>
    public string? Currency => GetString(CurrencyColumns);

    /// <summary>The call status or disposition as written in the report.</summary>
    public string? Status => GetString(StatusColumns);

    /// <summary>The hangup cause as written in the report.</summary>
    public string? HangupCause => GetString(HangupColumns);

    /// <summary>The connection (SIP connection or application) id.</summary>
    public string? ConnectionId => GetString(ConnectionColumns);

    /// <summary>The tags of the call.</summary>
    public IReadOnlyList<string> Tags => GetList(TagColumns);
}
