using CdrSdk.Core.Csv;

namespace CdrSdk.Kazoo;

/// <summary>
/// One row of a Kazoo CSV export. Columns are found by header name because Kazoo versions differ (4.3 has
/// <c>disposition</c>, newer versions drop it and add <c>unix_timestamp_micro</c>); every column stays reachable
/// through the indexer.
/// </summary>
/// <remarks>
/// Kazoo 4.3 does not quote CSV values, so a value with a comma (always <c>rfc_1036</c>) spills into the next
/// cell. Each line is aligned with the header before it becomes a row: the comma is put back where exactly one
/// arrangement gives every column a value of its kind; a line that fits none or several is an error naming it
/// (<see cref="CdrTransportException"/>), never a shifted row.
/// </remarks>
public sealed class KazooCdrCsvRow : CsvRecord
{
    private static readonly string[] IdColumn = ["id"];
    private static readonly string[] CallIdColumn = ["call_id"];
    private static readonly string[] CallerIdNumberColumn = ["caller_id_number"];
    private static readonly string[] CallerIdNameColumn = ["caller_id_name"];
    private static readonly string[] CalleeIdNumberColumn = ["callee_id_number"];
    private static readonly string[] CalleeIdNameColumn = ["callee_id_name"];
    private static readonly string[] DurationColumn = ["duration_seconds"];
    private static readonly string[] BillingColumn = ["billing_seconds"];
    private static readonly string[] TimestampColumn = ["timestamp"];
    private static readonly string[] HangupCauseColumn = ["hangup_cause"];
    private static readonly string[] DispositionColumn = ["disposition"];
    private static readonly string[] OtherLegColumn = ["other_leg_call_id"];
    private static readonly string[] OwnerColumn = ["owner_id"];
    private static readonly string[] ToColumn = ["to"];
    private static readonly string[] FromColumn = ["from"];
    private static readonly string[] DirectionColumn = ["direction"];
    private static readonly string[] RequestColumn = ["request"];
    private static readonly string[] AuthorizingColumn = ["authorizing_id"];
    private static readonly string[] CostColumn = ["cost"];
    private static readonly string[] DialedNumberColumn = ["dialed_number"];
    private static readonly string[] CallingFromColumn = ["calling_from"];
    private static readonly string[] DatetimeColumn = ["datetime"];
    private static readonly string[] UnixTimestampColumn = ["unix_timestamp"];
    private static readonly string[] UnixTimestampMicroColumn = ["unix_timestamp_micro"];
    private static readonly string[] Rfc1036Column = ["rfc_1036"];
    private static readonly string[] Iso8601Column = ["iso_8601"];
    private static readonly string[] Iso8601CombinedColumn = ["iso_8601_combined"];
    private static readonly string[] CallTypeColumn = ["call_type"];
    private static readonly string[] RateColumn = ["rate"];
    private static readonly string[] RateNameColumn = ["rate_name"];
    private static readonly string[] BridgeColumn = ["bridge_id"];
    private static readonly string[] RecordingColumn = ["recording_url"];
    private static readonly string[] MediaRecordingsColumn = ["media_recordings"];
    private static readonly string[] MediaServerColumn = ["media_server"];
    private static readonly string[] CallPriorityColumn = ["call_priority"];
    private static readonly string[] InteractionColumn = ["interaction_id"];

    internal KazooCdrCsvRow(CsvHeader header, string[] fields)
        : base(header, fields)
    {
    }

    /// <summary><c>id</c>: the CDR id.</summary>
    public string? Id => GetString(IdColumn);

    /// <summary><c>call_id</c>.</summary>
    public string? CallId => GetString(CallIdColumn);

    /// <summary><c>caller_id_number</c>.</summary>
    public string? CallerIdNumber => GetString(CallerIdNumberColumn);

    /// <summary><c>caller_id_name</c>.</summary>
    public string? CallerIdName => GetString(CallerIdNameColumn);

    /// <summary><c>callee_id_number</c>.</summary>
    public string? CalleeIdNumber => GetString(CalleeIdNumberColumn);

    /// <summary><c>callee_id_name</c>.</summary>
    public string? CalleeIdName => GetString(CalleeIdNameColumn);

    /// <summary><c>duration_seconds</c>.</summary>
    public long? DurationSeconds => GetInt64(DurationColumn);

    /// <summary><c>billing_seconds</c>.</summary>
    public long? BillingSeconds => GetInt64(BillingColumn);

    /// <summary><c>timestamp</c> in gregorian seconds.</summary>
    public long? TimestampGregorianSeconds => GetInt64(TimestampColumn);

    /// <summary><c>timestamp</c> as an instant (UTC).</summary>
    public DateTimeOffset? Timestamp => TimestampGregorianSeconds is { } g ? GregorianTime.ToDateTimeOffset(g) : null;

    /// <summary><c>hangup_cause</c>.</summary>
    public string? HangupCause => GetString(HangupCauseColumn);

    /// <summary><c>disposition</c> (Kazoo 4.3 and earlier).</summary>
    public string? Disposition => GetString(DispositionColumn);

    /// <summary><c>other_leg_call_id</c>.</summary>
    public string? OtherLegCallId => GetString(OtherLegColumn);

    /// <summary><c>owner_id</c>.</summary>
    public string? OwnerId => GetString(OwnerColumn);

    /// <summary><c>to</c>.</summary>
    public string? To => GetString(ToColumn);

    /// <summary><c>from</c>.</summary>
    public string? From => GetString(FromColumn);

    /// <summary><c>direction</c>.</summary>
    public string? Direction => GetString(DirectionColumn);

    /// <summary><c>request</c>.</summary>
    public string? Request => GetString(RequestColumn);

    /// <summary><c>authorizing_id</c>.</summary>
    public string? AuthorizingId => GetString(AuthorizingColumn);

    /// <summary><c>cost</c> as sent: units of 1/10,000 dollar.</summary>
    public long? CostUnits => GetInt64(CostColumn);

    /// <summary><see cref="CostUnits"/> in dollars.</summary>
    public decimal? Cost => CostUnits is { } units ? units / 10_000m : null;

    /// <summary><c>dialed_number</c>.</summary>
    public string? DialedNumber => GetString(DialedNumberColumn);

    /// <summary><c>calling_from</c>.</summary>
    public string? CallingFrom => GetString(CallingFromColumn);

    /// <summary><c>datetime</c>: the start as Kazoo prints it (<c>2026-11-20 21:05:57</c>, shifted by <c>utc_offset</c>).</summary>
    public string? Datetime => GetString(DatetimeColumn);

    /// <summary><c>unix_timestamp</c>: the start in Unix seconds.</summary>
    public long? UnixTimestamp => GetInt64(UnixTimestampColumn);

    /// <summary><c>unix_timestamp_micro</c> (newer Kazoo versions): the channel's creation in Unix seconds with a fraction.</summary>
    public decimal? UnixTimestampMicro => GetDecimal(UnixTimestampMicroColumn);

    /// <summary><c>rfc_1036</c>, for example <c>Fri, 20 Nov 2026 21:05:57 GMT</c> (its comma is put back when Kazoo did not quote it).</summary>
    public string? Rfc1036 => GetString(Rfc1036Column);

    /// <summary><c>iso_8601</c>: the date.</summary>
    public string? Iso8601 => GetString(Iso8601Column);

    /// <summary><c>iso_8601_combined</c>: date and time.</summary>
    public string? Iso8601Combined => GetString(Iso8601CombinedColumn);

    /// <summary><c>call_type</c>.</summary>
    public string? CallType => GetString(CallTypeColumn);

    /// <summary><c>rate</c>: dollars per minute.</summary>
    public decimal? Rate => GetDecimal(RateColumn);

    /// <summary><c>rate_name</c>.</summary>
    public string? RateName => GetString(RateNameColumn);

    /// <summary><c>bridge_id</c>.</summary>
    public string? BridgeId => GetString(BridgeColumn);

    /// <summary><c>recording_url</c>.</summary>
    public string? RecordingUrl => GetString(RecordingColumn);

    /// <summary><c>media_recordings</c>.</summary>
    public string? MediaRecordings => GetString(MediaRecordingsColumn);

    /// <summary><c>media_server</c>.</summary>
    public string? MediaServer => GetString(MediaServerColumn);

    /// <summary><c>call_priority</c>.</summary>
    public string? CallPriority => GetString(CallPriorityColumn);

    /// <summary><c>interaction_id</c>.</summary>
    public string? InteractionId => GetString(InteractionColumn);
}
