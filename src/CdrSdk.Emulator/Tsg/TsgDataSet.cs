using System.Globalization;

namespace CdrSdk.Emulator.Tsg;

/// <summary>The TSG view of the emulator's data set: SMS and MMS from the messages, VOICE and API from the calls.</summary>
public sealed class TsgDataSet
{
    private readonly EmulatorDataSet _data;

    /// <summary>Creates the TSG view of a data set.</summary>
    /// <param name="data">The data set.</param>
    public TsgDataSet(EmulatorDataSet data)
    {
        _data = data;
    }

    /// <summary>Whether the data set is in live mode.</summary>
    internal bool IsLive => _data.IsLive;

    /// <summary>The records of a type (SMS, MMS, VOICE, API) with datetime in [from, to), oldest first.</summary>
    /// <param name="type">The upper-case CDR type.</param>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <returns>The records, generated lazily; none for an unknown type.</returns>
    public IEnumerable<TsgRecord> Records(string type, DateTimeOffset from, DateTimeOffset to) => Records(type, from, to, afterIndex: null);

    /// <summary>The records of a type with datetime in [from, to) whose index is above <paramref name="afterIndex"/>, oldest first, as first recorded (seeks, for cursors).</summary>
    /// <param name="type">The upper-case CDR type.</param>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <param name="afterIndex">Only records after this index; <see langword="null"/> for all.</param>
    /// <returns>The records, generated lazily; none for an unknown type.</returns>
    public IEnumerable<TsgRecord> Records(string type, DateTimeOffset from, DateTimeOffset to, long? afterIndex)
    {
        var after = afterIndex + 1 ?? 0;
        return Select(type, _data.Messages(Math.Max(after, _data.MessageIndexAtOrAfter(from)), to), _data.Calls(Math.Max(after, _data.CallIndexAtOrAfter(from)), to));
    }

    /// <summary>
    /// The records of a type with datetime in [from, to) as the emulator serves them at <paramref name="now"/>, oldest
    /// first: in live mode only those whose seed record exists by then, revised where the revision is due.
    /// </summary>
    /// <param name="type">The upper-case CDR type.</param>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The records, generated lazily; none for an unknown type.</returns>
    public IEnumerable<TsgRecord> Records(string type, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now) => Records(type, from, to, afterIndex: null, now);

    /// <summary>The records served at <paramref name="now"/> of a type with datetime in [from, to) whose index is above <paramref name="afterIndex"/>, oldest first (seeks, for cursors).</summary>
    /// <param name="type">The upper-case CDR type.</param>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <param name="afterIndex">Only records after this index; <see langword="null"/> for all.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The records, generated lazily; none for an unknown type.</returns>
    public IEnumerable<TsgRecord> Records(string type, DateTimeOffset from, DateTimeOffset to, long? afterIndex, DateTimeOffset now)
    {
        var after = afterIndex + 1 ?? 0;
        return Select(
            type,
            _data.MessagesVisibleAt(Math.Max(after, _data.MessageIndexAtOrAfter(from)), to, now),
            _data.CallsVisibleAt(Math.Max(after, _data.CallIndexAtOrAfter(from)), to, now));
    }

    private static IEnumerable<TsgRecord> Select(string type, IEnumerable<SeedMessage> messages, IEnumerable<SeedCall> calls) => type switch
    {
        "SMS" or "MMS" => messages.Where(m => m.MessageType == type).Select(Message),
        "VOICE" => calls.Select(Voice),
        "API" => calls.Where(c => c.Index % 3 == 0).Select(Api),
        _ => [],
    };

    private static string Company(long index) => index % 2 == 0 ? "101" : "102";

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static TsgRecord Message(SeedMessage m) => new()
    {
        Index = m.Index,
        Typename = "MessageCdr",
        CompanyId = Company(m.Index),
        Datetime = m.CreatedAt,
        Fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["datetime"] = Iso(m.CreatedAt),
            ["fromNumber"] = m.From,
            ["toNumber"] = m.To,
            ["direction"] = m.Direction.ToUpperInvariant(),
            ["status"] = m.Status.ToUpperInvariant(),
            ["charge"] = Number(m.Cost),
            ["type"] = m.MessageType,
        },
    };

    private static TsgRecord Voice(SeedCall c) => new()
    {
        Index = c.Index,
        Typename = "VoiceCdr",
        CompanyId = Company(c.Index),
        Datetime = c.StartedAt,
        Fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["datetime"] = Iso(c.StartedAt),
            ["callId"] = c.Id,
            ["sourceAni"] = c.From,
            ["destinationNumber"] = c.To,
            ["didUsed"] = c.Direction == "inbound" ? c.To : c.From,
            ["sessionTime"] = c.TalkSeconds.ToString(CultureInfo.InvariantCulture),
            ["status"] = c.Disposition.ToUpperInvariant(),
            ["calledRate"] = Number(c.Rate),
            ["charge"] = Number(c.Cost),
            ["callType"] = c.Direction.ToUpperInvariant(),
            ["aniIi"] = (c.Index % 100).ToString("00", CultureInfo.InvariantCulture),
        },
    };

    private static TsgRecord Api(SeedCall c) => new()
    {
        Index = c.Index,
        Typename = "ApiCdr",
        CompanyId = Company(c.Index),
        Datetime = c.StartedAt,
        Fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["datetime"] = Iso(c.StartedAt),
            ["from"] = c.From,
            ["destination"] = c.To,
            ["status"] = c.Disposition == "failed" ? "FAILED" : "SUCCESS",
            // A revised lookup was billed again at the current price.
            ["charge"] = c.IsRevised ? "0.0015" : "0.0010",
            ["type"] = c.Index % 2 == 0 ? "LNP" : "CNAM",
        },
    };
}
