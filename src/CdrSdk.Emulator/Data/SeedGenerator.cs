namespace CdrSdk.Emulator;

/// <summary>
/// Generates the data set's records from the seed: record <c>i</c> starts at the epoch + <c>i</c> × interval (+ a
/// jitter below half the interval), every field drawn from a hash of (seed, kind, index). Timeless: live mode
/// (<see cref="LiveSchedule"/>) decides when each record exists and how it is revised.
/// </summary>
internal sealed class SeedGenerator
{
    private static readonly string[] Prefixes = ["+1312", "+1415", "+1646", "+4420", "+3314"];
    private static readonly string[] TagPool = ["vip", "support", "sales", "billing"];
    private static readonly string[] Connections = ["1001", "1002", "1003"];
    private static readonly string[] Profiles = ["4001a7f2-0000-4000-8000-00000000000a", "4001a7f2-0000-4000-8000-00000000000b"];

    private readonly ulong _seed;
    private readonly long _callIntervalMs;
    private readonly long _messageIntervalMs;

    public SeedGenerator(int seed, int callsPerHour, int messagesPerHour)
    {
        _seed = (ulong)seed;
        _callIntervalMs = 3_600_000 / callsPerHour;
        _messageIntervalMs = 3_600_000 / messagesPerHour;
    }

    /// <summary>The rates a call is charged at, per minute.</summary>
    public static IReadOnlyList<decimal> CallRates { get; } = [0.0045m, 0.0070m, 0.0120m];

    /// <summary>The call at an index as first recorded, with its live schedule when <paramref name="live"/> is given.</summary>
    public SeedCall Call(long index, LiveSchedule? live)
    {
        var h = Hash(index, 1);
        var started = CallStart(index);
        var (direction, from, to) = Parties(h);
        var roll = (int)((h >> 8) % 100);
        var disposition = roll switch
        {
            < 65 => "answered",
            < 80 => "no_answer",
            < 90 => "busy",
            _ => "failed",
        };
        var ring = 2 + (int)((h >> 16) % 19);
        var talk = disposition == "answered" ? 5 + (int)((h >> 24) % 896) : 0;
        var answered = disposition == "answered" ? started.AddSeconds(ring) : (DateTimeOffset?)null;
        var ended = started.AddSeconds(ring + talk);
        var (late, available, revisedAt) = live?.Plan(index, ended, message: false) ?? (false, ended, null);
        return new SeedCall
        {
            Index = index,
            Id = Uuid(index, 1),
            StartedAt = started,
            AnsweredAt = answered,
            EndedAt = ended,
            FirstEndedAt = ended,
            IsLate = late,
            AvailableAt = available,
            RevisedAt = revisedAt,
            Direction = direction,
            From = from,
            To = to,
            Disposition = disposition,
            HangupCause = HangupCauseOf(disposition),
            TalkSeconds = talk,
            RingSeconds = ring,
            Rate = CallRates[(int)((h >> 44) % 3)],
            ConnectionId = Connections[(int)((h >> 48) % (ulong)Connections.Length)],
            Tags = PickTags(h >> 52),
        };
    }

    /// <summary>The message at an index as first recorded, with its live schedule when <paramref name="live"/> is given.</summary>
    public SeedMessage Message(long index, LiveSchedule? live)
    {
        var h = Hash(index, 2);
        var created = MessageStart(index);
        var (direction, from, to) = Parties(h);
        var roll = (int)((h >> 8) % 100);
        var completed = created.AddSeconds(1 + (int)((h >> 12) % 30));
        var (late, available, revisedAt) = live?.Plan(index, completed, message: true) ?? (false, completed, null);
        return new SeedMessage
        {
            Index = index,
            Id = Uuid(index, 2),
            CreatedAt = created,
            CompletedAt = completed,
            IsLate = late,
            AvailableAt = available,
            RevisedAt = revisedAt,
            Direction = direction,
            From = from,
            To = to,
            Status = roll switch
            {
                < 80 => "delivered",
                < 92 => "sent",
                _ => "failed",
            },
            MessageType = (h >> 16) % 5 == 0 ? "MMS" : "SMS",
            Parts = 1 + (int)((h >> 18) % 3),
            Rate = 0.0040m,
            ProfileId = Profiles[(int)((h >> 48) % (ulong)Profiles.Length)],
            Tags = PickTags(h >> 52),
        };
    }

    public static string HangupCauseOf(string disposition) => disposition switch
    {
        "answered" => "NORMAL_CLEARING",
        "no_answer" => "NO_ANSWER",
        "busy" => "USER_BUSY",
        _ => "CALL_REJECTED",
    };

    public DateTimeOffset CallStart(long index) => Start(index, _callIntervalMs, 1);

    public DateTimeOffset MessageStart(long index) => Start(index, _messageIntervalMs, 2);

    public long CallIndexAtOrAfter(DateTimeOffset instant) => FirstIndexAtOrAfter(instant, _callIntervalMs, 1);

    public long MessageIndexAtOrAfter(DateTimeOffset instant) => FirstIndexAtOrAfter(instant, _messageIntervalMs, 2);

    /// <summary>SplitMix64 over (seed, salt, index): fast, well mixed, deterministic.</summary>
    public ulong Hash(long index, ulong salt)
    {
        var z = _seed * 0x9E3779B97F4A7C15UL ^ (salt * 0xBF58476D1CE4E5B9UL) ^ (ulong)index;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private DateTimeOffset Start(long index, long intervalMs, ulong salt)
    {
        var jitter = intervalMs < 2 ? 0 : (long)(Hash(index, salt + 100) % (ulong)(intervalMs / 2));
        return EmulatorDataSet.Epoch.AddMilliseconds((index * intervalMs) + jitter);
    }

    private long FirstIndexAtOrAfter(DateTimeOffset from, long intervalMs, ulong salt)
    {
        var elapsed = (long)(from - EmulatorDataSet.Epoch).TotalMilliseconds;
        var index = Math.Max(0, (elapsed / intervalMs) - 1);
        while (Start(index, intervalMs, salt) < from)
        {
            index++;
        }

        return index;
    }

    /// <summary>The direction and the two numbers of a record: ours is a +1312555 number, the other party's any prefix.</summary>
    private static (string Direction, string From, string To) Parties(ulong h)
    {
        var external = Number(h >> 32, Prefixes[(int)((h >> 40) % (ulong)Prefixes.Length)]);
        var ours = Number(h >> 20, "+1312555");
        return (h & 1) == 0 ? ("inbound", external, ours) : ("outbound", ours, external);
    }

    private static string[] PickTags(ulong bits)
    {
        var tags = new List<string>(2);
        for (var i = 0; i < TagPool.Length; i++)
        {
            // Each tag on roughly one record in four.
            if (((bits >> (i * 2)) & 3) == 0)
            {
                tags.Add(TagPool[i]);
            }
        }

        return [.. tags];
    }

    private static string Number(ulong bits, string prefix)
    {
        // E.164 numbers of 12 characters: the prefix, then enough digits.
        var digits = Math.Max(4, 12 - prefix.Length);
        ulong modulus = 1;
        for (var i = 0; i < digits; i++)
        {
            modulus *= 10;
        }

        return prefix + (bits % modulus).ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture);
    }

    private string Uuid(long index, ulong salt)
    {
        var a = Hash(index, salt + 10);
        var b = Hash(index, salt + 20);
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, a);
        BitConverter.TryWriteBytes(bytes[8..], b);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
