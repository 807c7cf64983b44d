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

    /// <summary>The records of a type (SMS, MMS, VOICE, API) with datetime in [from, to), oldest first.</summary>
    /// <param name="type">The upper-case CDR type.</param>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <returns>The records, generated lazily; none for an unknown type.</returns>
    public IEnumerable<TsgRecord> Records(string type, DateTimeOffset from, DateTimeOffset to) => Records(type, from, to, afterIndex: null);

    /// <summary>The records of a type with datetime in [from, to) whose index is above <paramref name="afterIndex"/>, oldest first (seeks, for cursors).</summary>
    /// <param name="type">The upper-case CDR type.</param>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <param name="afterIndex">Only records after this index; <see langword="null"/> for all.</param>
    /// <returns>The records, generated lazily; none for an unknown type.</returns>
    public IEnumerable<TsgRecord> Records(string type, DateTimeOffset from, DateTimeOffset to, long? afterIndex)
    {
        var after = afterIndex + 1 ?? 0;
        return type switch
        {
            "SMS" or "MMS" => _data.Messages(Math.Max(after, _data.MessageIndexAtOrAfter(from)), to).Where(m => m.MessageType == type).Select(Message),
            "VOICE" => _data.Calls(Math.Max(after, _data.CallIndexAtOrAfter(from)), to).Select(Voice),
            "API" => _data.Calls(Math.Max(after, _data.CallIndexAtOrAfter(from)), to).Where(c => c.Index % 3 == 0).Select(Api),
            _ => [],
        };
    }

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
            ["charge"] = "0.0010",
            ["type"] = c.Index % 2 == 0 ? "LNP" : "CNAM",
        },
    };
}
