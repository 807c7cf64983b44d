using CdrSdk.Paging;

namespace CdrSdk.Kazoo;

/// <summary>
/// The CDRs of one Kazoo account (or of one user, with <see cref="KazooCdrQuery.UserId"/>) as
/// <see cref="CallRecord"/>s, one per leg or one per interaction: the range becomes <c>created_from</c>/<c>created_to</c>,
/// which Kazoo compares with the time each CDR was generated (the end of the call leg). Oldest first
/// (<c>ascending=true</c>) unless <c>configure</c> says otherwise.
/// </summary>
internal sealed class KazooCdrSource : CdrSource<KazooCdrQuery>
{
    private readonly IKazooClient _client;
    private readonly string _accountId;
    private readonly KazooCdrGranularity _granularity;

    public KazooCdrSource(IKazooClient client, string accountId, KazooCdrGranularity granularity, Func<KazooCdrQuery, KazooCdrQuery>? configure)
        : base(CdrProvider.Kazoo, configure)
    {
        _client = client;
        _accountId = accountId;
        _granularity = granularity;
    }

    protected override KazooCdrQuery CreateQuery(DateTimeOffset since, DateTimeOffset until) => new() { From = since, To = until, Ascending = true };

    protected override KazooCdrQuery WithRange(KazooCdrQuery query, DateTimeOffset since, DateTimeOffset until) => query with { From = since, To = until };

    protected override AsyncPageable<CallRecord> List(KazooCdrQuery query, CancellationToken cancellationToken) => _granularity == KazooCdrGranularity.Interaction
        ? new MappedPageable<KazooCdrSummary, CallRecord>(_client.Interactions.ListAsync(_accountId, query, cancellationToken), ToInteractionRecord, cancellationToken)
        : new MappedPageable<KazooCdrSummary, CallRecord>(_client.Cdrs.ListAsync(_accountId, query, cancellationToken), ToCallRecord, cancellationToken);

    /// <summary>The unified view of one interaction row: as a leg's, keyed by <c>interaction_id</c> (else the leg's id).</summary>
    internal static CallRecord ToInteractionRecord(KazooCdrSummary interaction) =>
        ToCallRecord(interaction) with { Id = interaction.InteractionId is { Length: > 0 } id ? id : Id(interaction) };

    /// <summary>
    /// The unified view of one Kazoo CDR (docs/unified-records.md, Kazoo column). Kazoo's <c>timestamp</c> is when
    /// the CDR was generated, at hangup: it is the end; the start is the end minus <c>duration_seconds</c>, and the
    /// answer the end minus <c>billing_seconds</c> when that is positive.
    /// </summary>
    internal static CallRecord ToCallRecord(KazooCdrSummary cdr)
    {
        var ended = cdr.Timestamp;
        var duration = cdr.DurationSeconds is { } d ? TimeSpan.FromSeconds(d) : (TimeSpan?)null;
        var billable = cdr.BillingSeconds is { } b ? TimeSpan.FromSeconds(b) : (TimeSpan?)null;
        var answered = billable > TimeSpan.Zero;
        var outcome = CallOutcomes.Normalize(cdr.HangupCause);
        return new CallRecord
        {
            Provider = CdrProvider.Kazoo,
            Id = Id(cdr),
            Kind = CallKind.Call,
            Direction = CallDirections.Normalize(cdr.Direction),
            From = cdr.CallerIdNumber ?? UserPart(cdr.From),
            To = cdr.CalleeIdNumber ?? cdr.DialedNumber ?? UserPart(cdr.To),
            StartedAt = ended - duration,
            AnsweredAt = answered ? ended - billable : null,
            EndedAt = ended,
            Duration = duration,
            BillableDuration = billable,

            // A leg cleared normally without billable time was never answered.
            Outcome = outcome == CallOutcome.Answered && billable == TimeSpan.Zero ? CallOutcome.NoAnswer : outcome,
            RawOutcome = cdr.HangupCause,
            Cost = cdr.Cost,
            ProviderRecord = cdr,
        };
    }

    /// <summary>
    /// <c>id</c> (<c>YYYYMM-&lt;call id&gt;</c>); without it <c>call_id</c>, which is unique per leg; without both, one
    /// derived from the leg's time, numbers and direction.
    /// </summary>
    private static string Id(KazooCdrSummary cdr) =>
        cdr.Id is { Length: > 0 } id ? id
        : cdr.CallId is { Length: > 0 } callId ? callId
        : DerivedRecordId.Create("kazoo-leg", cdr.TimestampGregorianSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            cdr.CallerIdNumber, cdr.CalleeIdNumber, cdr.From, cdr.To, cdr.Direction);

    /// <summary>The user part of a SIP address (<c>+15551234567@realm</c> gives <c>+15551234567</c>).</summary>
    private static string? UserPart(string? sipAddress) =>
        sipAddress is null ? null : sipAddress.Split('@', 2)[0];
}
