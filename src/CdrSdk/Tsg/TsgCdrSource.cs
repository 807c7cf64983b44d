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

    /// <summary>The range set again, and the fields every record's id is derived from selected whatever <c>configure</c> chose.</summary>
    protected override TsgCdrQuery WithRange(TsgCdrQuery query, DateTimeOffset since, DateTimeOffset until) =>
        query with { Start = since, End = until, Fields = query.Fields is { } fields ? WithIdentity(fields) : null };

    /// <summary>The fields <see cref="DerivedId"/> reads, added to a selection so every run derives the same ids.</summary>
    internal static TsgFieldSelection WithIdentity(TsgFieldSelection fields) => fields with
    {
        Message = fields.Message | TsgMessageCdrFields.Datetime | TsgMessageCdrFields.FromNumber | TsgMessageCdrFields.ToNumber
            | TsgMessageCdrFields.Direction | TsgMessageCdrFields.Type,
        Voice = fields.Voice | TsgVoiceCdrFields.Datetime | TsgVoiceCdrFields.CallId | TsgVoiceCdrFields.SourceAni | TsgVoiceCdrFields.DestinationNumber
            | TsgVoiceCdrFields.DidUsed | TsgVoiceCdrFields.CallType,
        Api = fields.Api | TsgApiCdrFields.Datetime | TsgApiCdrFields.From | TsgApiCdrFields.Destination | TsgApiCdrFields.Type,
    };

    /// <summary>
    /// The id of a record without one of its own (every message and API record; a voice record only when <c>callId</c>
    /// is missing): from its type, instant, numbers and direction or kind; never from status, charge, rate or session
    /// time, which change while a record settles. Unknown types use every field except those.
    /// </summary>
    internal static string DerivedId(TsgCdr cdr) => cdr switch
    {
        TsgMessageCdr m => DerivedRecordId.Create("tsg-message", DerivedRecordId.Instant(m.Datetime), m.Type?.ToUpperInvariant(), m.FromNumber, m.ToNumber, m.Direction?.ToUpperInvariant()),
        TsgVoiceCdr v => DerivedRecordId.Create("tsg-voice", DerivedRecordId.Instant(v.Datetime), v.SourceAni, v.DestinationNumber, v.DidUsed, v.CallType?.ToUpperInvariant()),
        TsgApiCdr a => DerivedRecordId.Create("tsg-api", DerivedRecordId.Instant(a.Datetime), a.Type?.ToUpperInvariant(), a.From, a.Destination),
        _ => DerivedRecordId.Create("tsg-" + (cdr.Typename ?? "unknown"), [DerivedRecordId.Instant(cdr.Datetime), .. IdentifyingProperties(cdr)]),
    };

    private static readonly HashSet<string> MutableNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "status", "charge", "cost", "rate", "calledRate", "sessionTime", "duration", "updatedAt", "deliveryStatus",
    };

    private static IEnumerable<string?> IdentifyingProperties(TsgCdr cdr) =>
        ((IEnumerable<KeyValuePair<string, System.Text.Json.JsonElement>>?)cdr.AdditionalProperties ?? [])
            .Where(p => !MutableNames.Contains(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value.GetRawText());

    protected override AsyncPageable<CallRecord> List(TsgCdrQuery query, CancellationToken cancellationToken) =>
        new MappedPageable<TsgCdr, CallRecord>(_client.Cdrs.ListAsync(query, cancellationToken), ToCallRecord, cancellationToken);

    /// <summary>The unified view of one TSG record (docs/unified-records.md, TSG column).</summary>
    internal static CallRecord ToCallRecord(TsgCdr cdr) => cdr switch
    {
        TsgMessageCdr message => new CallRecord
        {
            Provider = CdrProvider.Tsg,
            Id = DerivedId(message),
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
            Id = voice.CallId is { Length: > 0 } callId ? callId : DerivedId(voice),
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
            Id = DerivedId(api),
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
            Id = DerivedId(cdr),
            Kind = CallKind.Other,
            StartedAt = cdr.Datetime,
            ProviderRecord = cdr,
        },
    };

    private static TimeSpan? Seconds(decimal? value) => value is { } v ? TimeSpan.FromSeconds((double)v) : null;
}
