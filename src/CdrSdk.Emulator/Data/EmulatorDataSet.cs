namespace CdrSdk.Emulator;

/// <summary>
/// The emulator's records, generated on demand from a seed: record <c>i</c> starts at
/// <see cref="Epoch"/> + <c>i</c> × interval (+ a jitter below half the interval), so any time range is cheap to
/// enumerate, every run sees the same records, and start times strictly increase. Tests use it to compute the
/// records a query must return.
/// </summary>
public sealed class EmulatorDataSet
{
    /// <summary>The start of the data set: 2020-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Prefixes = ["+1312", "+1415", "+1646", "+4420", "+3314"];
    private static readonly string[] TagPool = ["vip", "support", "sales", "billing"];
    private static readonly string[] Connections = ["1001", "1002", "1003"];
    private static readonly string[] Profiles = ["4001a7f2-0000-4000-8000-00000000000a", "4001a7f2-0000-4000-8000-00000000000b"];

    private readonly ulong _seed;
    private readonly long _callIntervalMs;
    private readonly long _messageIntervalMs;

    /// <summary>Creates the data set.</summary>
    /// <param name="seed">The seed; the same seed gives the same records.</param>
    /// <param name="callsPerHour">Calls per hour, 1 to 1,800,000.</param>
    /// <param name="messagesPerHour">Messages per hour, 1 to 1,800,000.</param>
    public EmulatorDataSet(int seed, int callsPerHour, int messagesPerHour)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(callsPerHour, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(callsPerHour, 1_800_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerHour, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(messagesPerHour, 1_800_000);
        _seed = (ulong)seed;
        _callIntervalMs = 3_600_000 / callsPerHour;
        _messageIntervalMs = 3_600_000 / messagesPerHour;
    }

    /// <summary>The calls that started in [<paramref name="from"/>, <paramref name="to"/>), in start order.</summary>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <returns>The calls, generated lazily.</returns>
    public IEnumerable<SeedCall> Calls(DateTimeOffset from, DateTimeOffset to) => Calls(FirstIndexAtOrAfter(from, _callIntervalMs, 1), to);

    /// <summary>The calls from position <paramref name="firstIndex"/> on that started before <paramref name="to"/>, in start order (seeks without generating the calls before it).</summary>
    /// <param name="firstIndex">The position of the first call.</param>
    /// <param name="to">Exclusive end.</param>
    /// <returns>The calls, generated lazily.</returns>
    public IEnumerable<SeedCall> Calls(long firstIndex, DateTimeOffset to)
    {
        for (var i = Math.Max(0, firstIndex); CallStart(i) < to; i++)
        {
            yield return GetCall(i);
        }
    }

    /// <summary>The messages created in [<paramref name="from"/>, <paramref name="to"/>), in order.</summary>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <returns>The messages, generated lazily.</returns>
    public IEnumerable<SeedMessage> Messages(DateTimeOffset from, DateTimeOffset to) => Messages(FirstIndexAtOrAfter(from, _messageIntervalMs, 2), to);

    /// <summary>The messages from position <paramref name="firstIndex"/> on created before <paramref name="to"/>, in order (seeks without generating the messages before it).</summary>
    /// <param name="firstIndex">The position of the first message.</param>
    /// <param name="to">Exclusive end.</param>
    /// <returns>The messages, generated lazily.</returns>
    public IEnumerable<SeedMessage> Messages(long firstIndex, DateTimeOffset to)
    {
        for (var i = Math.Max(0, firstIndex); MessageStart(i) < to; i++)
        {
            yield return GetMessage(i);
        }
    }

    /// <summary>The position of the first call that starts at or after <paramref name="instant"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The index (0 for instants before <see cref="Epoch"/>).</returns>
    public long CallIndexAtOrAfter(DateTimeOffset instant) => FirstIndexAtOrAfter(instant, _callIntervalMs, 1);

    /// <summary>The position of the first message created at or after <paramref name="instant"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The index (0 for instants before <see cref="Epoch"/>).</returns>
    public long MessageIndexAtOrAfter(DateTimeOffset instant) => FirstIndexAtOrAfter(instant, _messageIntervalMs, 2);

    /// <summary>The call at a position of the data set.</summary>
    /// <param name="index">The position, 0 or more.</param>
    /// <returns>The call.</returns>
    public SeedCall GetCall(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var h = Hash(index, 1);
        var started = CallStart(index);
        var inbound = (h & 1) == 0;
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
        var external = Number(h >> 32, Prefixes[(int)((h >> 40) % (ulong)Prefixes.Length)]);
        var ours = Number(h >> 20, "+1312555");
        return new SeedCall
        {
            Index = index,
            Id = Uuid(index, 1),
            StartedAt = started,
            AnsweredAt = answered,
            EndedAt = started.AddSeconds(ring + talk),
            Direction = inbound ? "inbound" : "outbound",
            From = inbound ? external : ours,
            To = inbound ? ours : external,
            Disposition = disposition,
            HangupCause = disposition switch
            {
                "answered" => "NORMAL_CLEARING",
                "no_answer" => "NO_ANSWER",
                "busy" => "USER_BUSY",
                _ => "CALL_REJECTED",
            },
            TalkSeconds = talk,
            RingSeconds = ring,
            Rate = ((h >> 44) % 3) switch
            {
                0 => 0.0045m,
                1 => 0.0070m,
                _ => 0.0120m,
            },
            ConnectionId = Connections[(int)((h >> 48) % (ulong)Connections.Length)],
            Tags = PickTags(h >> 52),
        };
    }

    /// <summary>The message at a position of the data set.</summary>
    /// <param name="index">The position, 0 or more.</param>
    /// <returns>The message.</returns>
    public SeedMessage GetMessage(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var h = Hash(index, 2);
        var created = MessageStart(index);
        var inbound = (h & 1) == 0;
        var external = Number(h >> 32, Prefixes[(int)((h >> 40) % (ulong)Prefixes.Length)]);
        var ours = Number(h >> 20, "+1312555");
        var roll = (int)((h >> 8) % 100);
        return new SeedMessage
        {
            Index = index,
            Id = Uuid(index, 2),
            CreatedAt = created,
            CompletedAt = created.AddSeconds(1 + (int)((h >> 12) % 30)),
            Direction = inbound ? "inbound" : "outbound",
            From = inbound ? external : ours,
            To = inbound ? ours : external,
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

    private DateTimeOffset CallStart(long index) => Start(index, _callIntervalMs, 1);

    private DateTimeOffset MessageStart(long index) => Start(index, _messageIntervalMs, 2);

    private DateTimeOffset Start(long index, long intervalMs, ulong salt)
    {
        var jitter = intervalMs < 2 ? 0 : (long)(Hash(index, salt + 100) % (ulong)(intervalMs / 2));
        return Epoch.AddMilliseconds((index * intervalMs) + jitter);
    }

    private long FirstIndexAtOrAfter(DateTimeOffset from, long intervalMs, ulong salt)
    {
        var elapsed = (long)(from - Epoch).TotalMilliseconds;
        var index = Math.Max(0, (elapsed / intervalMs) - 1);
        while (Start(index, intervalMs, salt) < from)
        {
            index++;
        }

        return index;
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

    private ulong Hash(long index, ulong salt)
    {
        // SplitMix64 over (seed, salt, index): fast, well mixed, deterministic.
        var z = _seed * 0x9E3779B97F4A7C15UL ^ (salt * 0xBF58476D1CE4E5B9UL) ^ (ulong)index;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
