namespace CdrSdk.Emulator;

/// <summary>
/// Live mode's rules, all drawn from the seed: which records arrive late, which change, when, and what the revised
/// record looks like. A record's revision keeps its id and everything the providers list or page by (start,
/// creation, answer time, kind), so its place in every listing stays put.
/// </summary>
internal sealed class LiveSchedule
{
    /// <summary>The longest time from a record's start to its end as first recorded (calls ring at most 20 s and talk at most 900 s).</summary>
    public static readonly TimeSpan MaxRecordSpan = TimeSpan.FromSeconds(1000);

    /// <summary>The most a revision moves an end: 50 s, less than <see cref="EmulatorLiveOptions.MinChangedAfter"/>.</summary>
    private const int MaxShiftSeconds = 50;

    private static readonly string[] Unanswered = ["no_answer", "busy", "failed"];
    private static readonly string[] Statuses = ["delivered", "sent", "failed"];

    private readonly SeedGenerator _generator;
    private readonly EmulatorLiveOptions _options;

    public LiveSchedule(SeedGenerator generator, EmulatorLiveOptions options)
    {
        _generator = generator;
        _options = options;
    }

    /// <summary>How long after its start a record may still appear or change: before <c>now</c> minus this, every record is final.</summary>
    public TimeSpan Horizon => MaxRecordSpan + _options.LateBy + _options.ChangedAfter + TimeSpan.FromSeconds(MaxShiftSeconds);

    /// <summary>Whether a record is late, when it first exists and when it is revised (<see langword="null"/>: never).</summary>
    /// <param name="index">The record's index.</param>
    /// <param name="end">Its end (completion for a message) as first recorded.</param>
    /// <param name="message">Whether it is a message (drawn apart from the call of the same index).</param>
    public (bool Late, DateTimeOffset AvailableAt, DateTimeOffset? RevisedAt) Plan(long index, DateTimeOffset end, bool message)
    {
        var late = Draw(index, message ? 202UL : 201UL, _options.LateFraction);
        var available = late ? end + _options.LateBy : end;
        return (late, available, Draw(index, message ? 212UL : 211UL, _options.ChangedFraction) ? available + _options.ChangedAfter : null);
    }

    /// <summary>The call as it is at <paramref name="now"/>: <see langword="null"/> before it exists, revised once its revision is due.</summary>
    public SeedCall? At(SeedCall scheduled, DateTimeOffset now) =>
        now < scheduled.AvailableAt ? null : scheduled.RevisedAt is { } revised && now >= revised ? Revise(scheduled) : scheduled;

    /// <summary>The message as it is at <paramref name="now"/>.</summary>
    public SeedMessage? At(SeedMessage scheduled, DateTimeOffset now) =>
        now < scheduled.AvailableAt ? null : scheduled.RevisedAt is { } revised && now >= revised ? Revise(scheduled) : scheduled;

    private SeedCall Revise(SeedCall call)
    {
        var h = _generator.Hash(call.Index, 221);
        var shift = 1 + (int)(h % MaxShiftSeconds);
        var step = 1 + (int)((h >> 8) % 2);
        var answered = call.Disposition == "answered";
        var disposition = answered ? call.Disposition : Unanswered[(Array.IndexOf(Unanswered, call.Disposition) + step) % Unanswered.Length];
        var rates = SeedGenerator.CallRates;
        return new SeedCall
        {
            Index = call.Index,
            Id = call.Id,
            StartedAt = call.StartedAt,
            AnsweredAt = call.AnsweredAt,
            EndedAt = call.EndedAt.AddSeconds(shift),
            FirstEndedAt = call.FirstEndedAt,
            Direction = call.Direction,
            From = call.From,
            To = call.To,
            Disposition = disposition,
            HangupCause = SeedGenerator.HangupCauseOf(disposition),
            TalkSeconds = answered ? call.TalkSeconds + shift : 0,
            RingSeconds = answered ? call.RingSeconds : call.RingSeconds + shift,

            // Re-rated at another rate: with billable minutes that grow by at most one, the cost always changes.
            Rate = answered ? rates[(IndexOf(rates, call.Rate) + step) % rates.Count] : call.Rate,
            ConnectionId = call.ConnectionId,
            Tags = call.Tags,
            IsLate = call.IsLate,
            AvailableAt = call.AvailableAt,
            RevisedAt = call.RevisedAt,
            IsRevised = true,
        };
    }

    private SeedMessage Revise(SeedMessage message)
    {
        var h = _generator.Hash(message.Index, 222);
        return new SeedMessage
        {
            Index = message.Index,
            Id = message.Id,
            CreatedAt = message.CreatedAt,
            CompletedAt = message.CompletedAt.AddSeconds(1 + (int)(h % MaxShiftSeconds)),
            Direction = message.Direction,
            From = message.From,
            To = message.To,
            Status = Statuses[(Array.IndexOf(Statuses, message.Status) + 1 + (int)((h >> 8) % 2)) % Statuses.Length],
            MessageType = message.MessageType,
            Parts = message.Parts,
            Rate = 0.0045m,
            ProfileId = message.ProfileId,
            Tags = message.Tags,
            IsLate = message.IsLate,
            AvailableAt = message.AvailableAt,
            RevisedAt = message.RevisedAt,
            IsRevised = true,
        };
    }

    /// <summary>Whether a record is among the <paramref name="fraction"/> drawn for <paramref name="salt"/>: a uniform draw in [0, 1) from its hash.</summary>
    private bool Draw(long index, ulong salt, double fraction) =>
        fraction > 0 && (_generator.Hash(index, salt) >> 11) * (1.0 / (1UL << 53)) < fraction;

    private static int IndexOf(IReadOnlyList<decimal> values, decimal value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        return 0;
    }
}
