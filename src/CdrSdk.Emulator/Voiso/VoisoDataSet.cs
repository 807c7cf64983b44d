using System.Globalization;

namespace CdrSdk.Emulator.Voiso;

/// <summary>The Voiso view of the emulator's data set: every seed call becomes one interaction record of some type.</summary>
public sealed class VoisoDataSet
{
    /// <summary>The tags <c>event_tag=all_transfers</c> expands to.</summary>
    public static readonly IReadOnlyList<string> TransferTags = ["blind_transfer", "attended_transfer", "queue_transfer"];

    private static readonly string[] Tags = ["hold", "mute", "blind_transfer", "attended_transfer", "queue_transfer", "conference", "callback_requested"];
    private static readonly string[] Channels = ["whatsapp", "web_chat", "facebook", "instagram", "telegram"];
    private static readonly string[] Networks = ["Vodafone", "O2", "T-Mobile", "Orange"];

    private readonly EmulatorDataSet _data;

    /// <summary>Creates the Voiso view of a data set.</summary>
    /// <param name="data">The data set.</param>
    public VoisoDataSet(EmulatorDataSet data)
    {
        _data = data;
    }

    /// <summary>The records that started in [<paramref name="from"/>, <paramref name="to"/>), newest first, as first recorded (timeless: live mode aside).</summary>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <returns>The records, generated lazily.</returns>
    public IEnumerable<VoisoRecord> NewestFirst(DateTimeOffset from, DateTimeOffset to) => NewestFirst(from, to, beforeIndex: null);

    /// <summary>The records that started in [<paramref name="from"/>, <paramref name="to"/>) with an index below <paramref name="beforeIndex"/>, newest first, as first recorded (seeks, for cursors).</summary>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <param name="beforeIndex">Only records before this index; <see langword="null"/> for all.</param>
    /// <returns>The records, generated lazily.</returns>
    public IEnumerable<VoisoRecord> NewestFirst(DateTimeOffset from, DateTimeOffset to, long? beforeIndex)
    {
        var first = _data.CallIndexAtOrAfter(from);
        var last = _data.CallIndexAtOrAfter(to) - 1;
        for (var index = beforeIndex is { } b ? Math.Min(last, b - 1) : last; index >= first; index--)
        {
            yield return Get(index);
        }
    }

    /// <summary>
    /// The records that started in [<paramref name="from"/>, <paramref name="to"/>) as the emulator serves them at
    /// <paramref name="now"/>, newest first: in live mode only those whose seed call exists by then and whose
    /// <c>ended_at</c> is not after it, revised where the revision is due.
    /// </summary>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The records, generated lazily.</returns>
    public IEnumerable<VoisoRecord> NewestFirst(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now) => NewestFirst(from, to, beforeIndex: null, now);

    /// <summary>The records served at <paramref name="now"/> that started in [<paramref name="from"/>, <paramref name="to"/>) with an index below <paramref name="beforeIndex"/>, newest first (seeks, for cursors).</summary>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <param name="beforeIndex">Only records before this index; <see langword="null"/> for all.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The records, generated lazily.</returns>
    public IEnumerable<VoisoRecord> NewestFirst(DateTimeOffset from, DateTimeOffset to, long? beforeIndex, DateTimeOffset now)
    {
        if (!_data.IsLive)
        {
            return NewestFirst(from, to, beforeIndex);
        }

        return Visible(_data.CallIndexAtOrAfter(from), _data.CallIndexAtOrAfter(to < now ? to : now) - 1, beforeIndex, now);
    }

    /// <summary>The record of one seed call, as first recorded.</summary>
    /// <param name="index">The seed call's index.</param>
    /// <returns>The record.</returns>
    public VoisoRecord Get(long index) => Build(_data.GetCall(index));

    /// <summary>The record of one seed call as the emulator serves it at <paramref name="now"/>.</summary>
    /// <param name="index">The seed call's index.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The record; <see langword="null"/> in live mode before it exists.</returns>
    public VoisoRecord? Get(long index, DateTimeOffset now)
    {
        if (_data.GetCallAt(index, now) is not { } call)
        {
            return null;
        }

        var record = Build(call);
        return _data.IsLive && record.EndedAt > now ? null : record;
    }

    /// <summary>Records that started before the returned instant no longer appear or change at <paramref name="now"/>.</summary>
    internal DateTimeOffset SettledBefore(DateTimeOffset now) => _data.SettledBefore(now);

    private IEnumerable<VoisoRecord> Visible(long first, long last, long? beforeIndex, DateTimeOffset now)
    {
        for (var index = beforeIndex is { } b ? Math.Min(last, b - 1) : last; index >= first; index--)
        {
            if (Get(index, now) is { } record)
            {
                yield return record;
            }
        }
    }

    private static VoisoRecord Build(SeedCall call)
    {
        var h = Mix(call.Index);
        var roll = (int)(h % 100);
        return roll switch
        {
            < 60 => Call(call, h),
            < 80 => Conversation(call, h),
            < 95 => Sms(call, h),
            _ => Hlr(call, h),
        };
    }

    private static VoisoRecord Call(SeedCall call, ulong h)
    {
        var inbound = call.Direction == "inbound";
        var answered = call.Disposition == "answered";
        var user = answered || !inbound ? Id(100, h >> 8, 20) : null;
        var tags = answered ? Tags.Where((_, i) => ((h >> (20 + (i * 2))) & 3) == 0).ToArray() : [];
        var ivr = inbound ? 5 + (long)((h >> 36) % 26) : 0;
        var queue = inbound ? (long)((h >> 40) % 61) : 0;
        return new VoisoRecord
        {
            Index = call.Index,
            Id = call.Id,
            Type = "call",
            Subtype = inbound ? ((h >> 44) % 7 == 0 ? "queue_callback" : "inbound") : ((h >> 44) % 3) switch
            {
                0 => "outbound",
                1 => "dialer",
                _ => "click_to_call",
            },
            StartedAt = call.StartedAt,
            EndedAt = call.EndedAt,
            AnsweredAt = call.AnsweredAt,
            Disposition = inbound && call.Disposition == "no_answer" ? "missed" : call.Disposition,
            UserId = user,
            TeamId = user is null ? null : Id(200, h >> 8, 4),
            QueueId = inbound ? Id(300, h >> 12, 6) : null,
            CampaignId = inbound ? null : Id(400, h >> 14, 5),
            ExternalAccountId = (h >> 50) % 3 == 0 ? "ext-" + ((h >> 16) % 40).ToString(CultureInfo.InvariantCulture) : null,
            WrapUpCode = answered ? "wrap-" + (1 + (h >> 18) % 5).ToString(CultureInfo.InvariantCulture) : null,
            EndReason = answered ? ((h >> 52) % 2 == 0 ? "agent_disconnect" : "customer_disconnect") : ((h >> 52) % 2 == 0 ? "timeout" : "system_reject"),
            EventTags = tags,
            FromPhoneNumber = call.From,
            ToPhoneNumber = call.To,
            DestinationCountry = Country(call.To),
            Duration = call.DurationSeconds,
            DialingDuration = call.RingSeconds,
            IvrDuration = ivr,
            QueueDuration = queue,
            TalkDuration = call.TalkSeconds,
            HoldDuration = tags.Contains("hold") ? 10 + (long)((h >> 56) % 51) : 0,
        };
    }

    private static VoisoRecord Conversation(SeedCall call, ulong h) => new()
    {
        Index = call.Index,
        Id = call.Id,
        Type = "conversation",
        Subtype = Channels[(int)((h >> 8) % (ulong)Channels.Length)],
        StartedAt = call.StartedAt,
        EndedAt = call.EndedAt,
        Disposition = ((h >> 12) % 4) switch
        {
            0 => "missed",
            1 => "active",
            _ => "answered",
        },
        UserId = Id(100, h >> 16, 20),
        TeamId = Id(200, h >> 16, 4),
        QueueId = Id(300, h >> 20, 6),
        ExternalAccountId = (h >> 50) % 3 == 0 ? "ext-" + ((h >> 24) % 40).ToString(CultureInfo.InvariantCulture) : null,
        WrapUpCode = "wrap-" + (1 + (h >> 26) % 5).ToString(CultureInfo.InvariantCulture),
        EndReason = (h >> 28) % 2 == 0 ? "agent_disconnect" : "customer_disconnect",
        SourceChannelAccountId = "ch-acc-" + (1 + (h >> 30) % 3).ToString(CultureInfo.InvariantCulture),
        DestinationChannelAccountId = "ch-acc-" + (4 + (h >> 32) % 3).ToString(CultureInfo.InvariantCulture),
        SourceChannelProfileId = "ch-prof-" + (1 + (h >> 34) % 4).ToString(CultureInfo.InvariantCulture),
        DestinationChannelProfileId = "ch-prof-" + (5 + (h >> 36) % 4).ToString(CultureInfo.InvariantCulture),
        ConversationScore = call.IsRevised ? ((long)((h >> 40) % 11) + 1 + (long)((h >> 44) % 10)) % 11 : (long)((h >> 40) % 11),
        Duration = call.DurationSeconds * 3,
    };

    private static VoisoRecord Sms(SeedCall call, ulong h) => new()
    {
        Index = call.Index,
        Id = call.Id,
        Type = "sms",
        Subtype = call.Direction == "inbound" ? "inbound_sms" : "outbound_sms",
        StartedAt = call.StartedAt,
        EndedAt = call.StartedAt.AddSeconds(1 + (int)((h >> 8) % 20)),
        Disposition = SmsDisposition((h >> 12) % 10, call.IsRevised),
        UserId = Id(100, h >> 16, 20),
        CampaignId = Id(400, h >> 20, 5),
        FromPhoneNumber = call.From,
        ToPhoneNumber = call.To,
        DestinationCountry = Country(call.To),
        MessageParts = 1 + (long)((h >> 24) % 3),
        Duration = 0,
    };

    private static VoisoRecord Hlr(SeedCall call, ulong h) => new()
    {
        Index = call.Index,
        Id = call.Id,
        Type = "hlr_lookup",
        Subtype = "hlr_lookup",
        StartedAt = call.StartedAt,
        EndedAt = call.StartedAt.AddSeconds(1),
        Disposition = ((h >> 8) % 5 == 0) != call.IsRevised ? "failed" : "delivered",
        UserId = Id(100, h >> 16, 20),
        ToPhoneNumber = call.To,
        DestinationCountry = Country(call.To),

        // A revised lookup was run again: the other result, and the number ported to the next network.
        Network = Networks[(int)(((h >> 20) + (call.IsRevised ? 1UL : 0UL)) % (ulong)Networks.Length)],
        Status = ((h >> 8) % 5 == 0) != call.IsRevised ? "invalid" : "valid",
        Duration = 0,
    };

    /// <summary>An SMS's disposition; a revised one is what the delivery report that came later says.</summary>
    private static string SmsDisposition(ulong roll, bool revised)
    {
        var first = roll switch
        {
            < 6 => "delivered",
            < 8 => "sent",
            8 => "not_delivered",
            _ => "not_sent",
        };
        return !revised ? first : first switch
        {
            "delivered" => "not_delivered",
            "not_sent" => "sent",
            _ => "delivered",
        };
    }

    private static string Country(string number) => number[..3] switch
    {
        "+44" => "United Kingdom",
        "+33" => "France",
        _ => "United States",
    };

    private static string Id(int @base, ulong bits, int count) => (@base + 1 + (int)(bits % (ulong)count)).ToString(CultureInfo.InvariantCulture);

    private static ulong Mix(long index)
    {
        var z = (ulong)index * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
