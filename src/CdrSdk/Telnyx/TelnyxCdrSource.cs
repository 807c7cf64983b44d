namespace CdrSdk.Telnyx;

/// <summary>Telnyx CDR reports as <see cref="CallRecord"/>s (docs/unified-records.md, Telnyx CDR column).</summary>
internal sealed class TelnyxCdrSource : TelnyxReportSource<CdrReportRequest, CdrReport, CdrReportRow>
{
    public TelnyxCdrSource(ITelnyxCdrReports reports, Func<CdrReportRequest, CdrReportRequest>? configure, IProgress<CdrReport>? reportProgress = null)
        : base(reports, configure, "telnyx-cdr-source", reportProgress)
    {
    }

    internal static CallRecord ToCallRecord(CdrReportRow row)
    {
        var raw = row.Status ?? row.HangupCause;
        return new CallRecord
        {
            Provider = CdrProvider.Telnyx,
            Id = row.Id ?? DerivedId(row),
            Kind = CallKind.Call,
            Direction = CallDirections.Normalize(row.Direction),
            From = row.Cli,
            To = row.Cld,
            StartedAt = row.StartedAt,
            AnsweredAt = row.AnsweredAt,
            EndedAt = row.EndedAt,
            Duration = Seconds(row.DurationSeconds),
            BillableDuration = Seconds(row.BilledSeconds),
            Outcome = CallOutcomes.Normalize(raw),
            RawOutcome = raw,
            Cost = row.Cost,
            Currency = row.Currency,
            ProviderRecord = row,
        };
    }

    /// <summary>
    /// The id of a row from a report without an id column: from when the call started, its numbers, direction and
    /// connection; not from its end, durations, cost, status or hangup cause, which a later report may differ in.
    /// </summary>
    internal static string DerivedId(CdrReportRow row) => DerivedRecordId.Create(
        "telnyx-cdr", DerivedRecordId.Instant(row.StartedAt) ?? row["start_time"], row.Cli, row.Cld, row.Direction?.ToUpperInvariant(), row.ConnectionId);

    /// <summary>Every record of the range: both call types and every record type (Telnyx's defaults are inbound and complete only).</summary>
    protected override CdrReportRequest CreateQuery(DateTimeOffset since, DateTimeOffset until) => new()
    {
        StartTime = since,
        EndTime = until,
        CallTypes = [TelnyxCallType.Inbound, TelnyxCallType.Outbound],
        RecordTypes = [TelnyxRecordType.Complete, TelnyxRecordType.Incomplete, TelnyxRecordType.Errors],
    };

    protected override CdrReportRequest WithRange(CdrReportRequest request, DateTimeOffset since, DateTimeOffset until) =>
        request with { StartTime = since, EndTime = until };

    protected override CallRecord Map(CdrReportRow row) => ToCallRecord(row);

    private static TimeSpan? Seconds(long? value) => value is { } v ? TimeSpan.FromSeconds(v) : null;
}
