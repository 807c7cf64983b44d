namespace CdrSdk.Telnyx;

/// <summary>Telnyx MDR reports as <see cref="CallRecord"/>s (docs/unified-records.md, Telnyx MDR column).</summary>
internal sealed class TelnyxMdrSource : TelnyxReportSource<MdrReportRequest, MdrReport, MdrReportRow>
{
    private readonly TelnyxApiVersion _version;

    public TelnyxMdrSource(
        ITelnyxMdrReports reports, TelnyxApiVersion version, Func<MdrReportRequest, MdrReportRequest>? configure, IProgress<MdrReport>? reportProgress = null)
        : base(reports, configure, "telnyx-mdr-source", reportProgress)
    {
        _version = version;
    }

    internal static CallRecord ToCallRecord(MdrReportRow row) => new()
    {
        Provider = CdrProvider.Telnyx,
        Id = row.Id ?? DerivedId(row),
        Kind = CallKind.Message,
        Direction = CallDirections.Normalize(row.Direction),
        From = row.Cli,
        To = row.Cld,
        StartedAt = row.CreatedAt,
        EndedAt = row.CompletedAt,
        Outcome = CallOutcomes.Normalize(row.Status),
        RawOutcome = row.Status,
        Cost = row.Cost,
        Currency = row.Currency,
        ProviderRecord = row,
    };

    /// <summary>
    /// The id of a row from a report without an id column: from when the message was created, its numbers, direction,
    /// profile and type; not from its completion, status, parts or cost.
    /// </summary>
    internal static string DerivedId(MdrReportRow row) => DerivedRecordId.Create(
        "telnyx-mdr", DerivedRecordId.Instant(row.CreatedAt) ?? row["created_at"], row.Cli, row.Cld, row.Direction?.ToUpperInvariant(), row.ProfileId,
        row.MessageType?.ToUpperInvariant());

    /// <summary>
    /// Every message of the range: both directions (v1 <c>call_types</c>, v2 <c>directions</c>) and every record
    /// type (Telnyx's defaults are inbound and complete only).
    /// </summary>
    protected override MdrReportRequest CreateQuery(DateTimeOffset since, DateTimeOffset until) => new()
    {
        StartTime = since,
        EndTime = until,
        CallTypes = _version == TelnyxApiVersion.V1 ? [TelnyxCallType.Inbound, TelnyxCallType.Outbound] : null,
        Directions = _version == TelnyxApiVersion.V1 ? null : [MessageDirection.Inbound, MessageDirection.Outbound],
        RecordTypes = [TelnyxRecordType.Complete, TelnyxRecordType.Incomplete, TelnyxRecordType.Errors],
    };

    protected override MdrReportRequest WithRange(MdrReportRequest request, DateTimeOffset since, DateTimeOffset until) =>
        request with { StartTime = since, EndTime = until };

    protected override CallRecord Map(MdrReportRow row) => ToCallRecord(row);
}
