using CdrSdk.Paging;

namespace CdrSdk.Tsg;

/// <summary>TSG records of one type as <see cref="CallRecord"/>s: the range becomes <c>startDatetime</c>/<c>endDatetime</c>.</summary>
internal sealed class TsgCdrSource : CdrSource<TsgCdrQuery>
{
    private readonly ITsgClient _client;
    private readonly TsgCdrType _type;

    public TsgCdrSource(ITsgClient client, TsgCdrType type, Func<TsgCdrQuery, TsgCdrQuery>? configure)
        : base(CdrProvider.Tsg, configure)
    {
        _client = client;
        _type = type;
    }

    protected override TsgCdrQuery CreateQuery(DateTimeOffset since, DateTimeOffset until) => new() { Type = _type, Start = since, End = until };

    protected override TsgCdrQuery WithRange(TsgCdrQuery query, DateTimeOffset since, DateTimeOffset until) => query with { Start = since, End = until };

    protected override AsyncPageable<CallRecord> List(TsgCdrQuery query, CancellationToken cancellationToken) =>
        new MappedPageable<TsgCdr, CallRecord>(_client.Cdrs.ListAsync(query, cancellationToken), ToCallRecord, cancellationToken);

    /// <summary>The unified view of one TSG record (docs/unified-records.md, TSG column).</summary>
    internal static CallRecord ToCallRecord(TsgCdr cdr) => cdr switch
    {
        TsgMessageCdr message => new CallRecord
        {
            Provider = CdrProvider.Tsg,
            Kind = CallKind.Message,
            Direction = CallDirections.Normalize(message.Direction),
            From = message.FromNumber,
            To = message.ToNumber,
            StartedAt = message.Datetime,
            Outcome = CallOutcomes.Normalize(message.Status),
            RawOutcome = message.Status,
            Cost = message.Charge,
            ProviderRecord = message,
        },
        TsgVoiceCdr voice => new CallRecord
        {
            Provider = CdrProvider.Tsg,
            Id = voice.CallId,
            Kind = CallKind.Call,
            Direction = CallDirections.Normalize(voice.CallType),
            From = voice.SourceAni,
            To = voice.DestinationNumber,
            StartedAt = voice.Datetime,
            EndedAt = voice.Datetime + Seconds(voice.SessionTime),
            Duration = Seconds(voice.SessionTime),
            BillableDuration = Seconds(voice.SessionTime),
            Outcome = CallOutcomes.Normalize(voice.Status),
            RawOutcome = voice.Status,
            Cost = voice.Charge,
            ProviderRecord = voice,
        },
        TsgApiCdr api => new CallRecord
        {
            Provider = CdrProvider.Tsg,
            Kind = CallKind.Other,
            From = api.From,
            To = api.Destination,
            StartedAt = api.Datetime,
            Outcome = CallOutcomes.Normalize(api.Status),
            RawOutcome = api.Status,
            Cost = api.Charge,
            ProviderRecord = api,
        },
        _ => new CallRecord
        {
            Provider = CdrProvider.Tsg,
            Kind = CallKind.Other,
            StartedAt = cdr.Datetime,
            ProviderRecord = cdr,
        },
    };

    private static TimeSpan? Seconds(decimal? value) => value is { } v ? TimeSpan.FromSeconds((double)v) : null;
}
