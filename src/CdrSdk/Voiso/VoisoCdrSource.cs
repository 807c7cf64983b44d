using CdrSdk.Paging;

namespace CdrSdk.Voiso;

/// <summary>Voiso records as <see cref="CallRecord"/>s: the range becomes the <c>started_at</c> filter.</summary>
internal sealed class VoisoCdrSource : CdrSource<VoisoCdrQuery>
{
    private readonly IVoisoClient _client;

    public VoisoCdrSource(IVoisoClient client, Func<VoisoCdrQuery, VoisoCdrQuery>? configure)
        : base(CdrProvider.Voiso, configure)
    {
        _client = client;
    }

    protected override VoisoCdrQuery CreateQuery(DateTimeOffset since, DateTimeOffset until) => new() { StartedAt = VoisoTimeFilter.Between(since, until) };

    protected override VoisoCdrQuery WithRange(VoisoCdrQuery query, DateTimeOffset since, DateTimeOffset until) =>
        query with { StartedAt = VoisoTimeFilter.Between(since, until) };

    protected override AsyncPageable<CallRecord> List(VoisoCdrQuery query, CancellationToken cancellationToken) =>
        new MappedPageable<VoisoCdr, CallRecord>(_client.Cdrs.ListAsync(query, cancellationToken), ToCallRecord, cancellationToken);

    /// <summary>The unified view of one Voiso record (docs/unified-records.md, Voiso column).</summary>
    internal static CallRecord ToCallRecord(VoisoCdr cdr)
    {
        var data = cdr switch
        {
            VoisoCallCdr call => call.Data,
            VoisoSmsCdr sms => sms.Data,
            VoisoConversationCdr conversation => conversation.Data,
            VoisoHlrLookupCdr lookup => (VoisoCdrData)lookup.Data,
            _ => null,
        };
        var (from, to) = cdr switch
        {
            VoisoCallCdr call => (call.Data.FromPhoneNumber, call.Data.ToPhoneNumber),
            VoisoSmsCdr sms => (sms.Data.FromPhoneNumber, sms.Data.ToPhoneNumber),
            VoisoHlrLookupCdr lookup => (null, lookup.Data.ToPhoneNumber),
            _ => ((string?)null, (string?)null),
        };
        var direction = Direction(data);
        var rawOutcome = data?.Disposition?.Value ?? (cdr as VoisoHlrLookupCdr)?.Data.Status;
        var elapsed = cdr.StartedAt is { } s && cdr.EndedAt is { } e && e >= s ? e - s : (TimeSpan?)null;
        return new CallRecord
        {
            Provider = CdrProvider.Voiso,
            Id = cdr.Id is { Length: > 0 } id ? id : DerivedRecordId.Create("voiso-" + cdr.Type.Value, DerivedRecordId.Instant(cdr.StartedAt), from, to, direction.ToString()),
            Kind = cdr switch
            {
                VoisoCallCdr => CallKind.Call,
                VoisoSmsCdr or VoisoConversationCdr => CallKind.Message,
                _ => CallKind.Other,
            },
            Direction = direction,
            From = from,
            To = to,
            StartedAt = cdr.StartedAt,
            AnsweredAt = (cdr as VoisoCallCdr)?.Data.AnsweredAt,
            EndedAt = cdr.EndedAt,
            Duration = Seconds(data?.Duration) ?? elapsed,
            BillableDuration = Seconds((cdr as VoisoCallCdr)?.Data.TalkDuration),
            Outcome = CallOutcomes.Normalize(rawOutcome),
            RawOutcome = rawOutcome,
            ProviderRecord = cdr,
        };
    }

    /// <summary>
    /// <c>data.subtype</c> when it names a direction (inbound, outbound_sms, dialer, ...), else <c>data.direction</c>:
    /// some records carry one, some the other.
    /// </summary>
    private static CallDirection Direction(VoisoCdrData? data)
    {
        var fromSubtype = CallDirections.Normalize(data?.Subtype?.Value);
        return fromSubtype != CallDirection.Unknown ? fromSubtype : CallDirections.Normalize(data?.Direction);
    }

    private static TimeSpan? Seconds(long? value) => value is { } v ? TimeSpan.FromSeconds(v) : null;
}
