namespace CdrSdk.Emulator;

/// <summary>
/// The emulator's records, generated on demand from a seed: record <c>i</c> starts at
/// <see cref="Epoch"/> + <c>i</c> × interval (+ a jitter below half the interval), so any time range is cheap to
/// enumerate, every run sees the same records, and start times strictly increase. Tests use it to compute the
/// records a query must return.
/// <para>
/// In live mode (<see cref="IsLive"/>) records exist only from their <see cref="SeedCall.AvailableAt"/> on and some
/// are revised at <see cref="SeedCall.RevisedAt"/>: the <c>...VisibleAt</c> and <c>...At</c> methods give what the
/// emulator serves at an instant. <see cref="Calls(DateTimeOffset, DateTimeOffset)"/> and the other timeless methods
/// give every record as first recorded, whatever the mode.
/// </para>
/// </summary>
public sealed class EmulatorDataSet
{
    /// <summary>The start of the data set: 2020-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SeedGenerator _generator;
    private readonly LiveSchedule? _live;

    /// <summary>Creates the data set (without live mode).</summary>
    /// <param name="seed">The seed; the same seed gives the same records.</param>
    /// <param name="callsPerHour">Calls per hour, 1 to 1,800,000.</param>
    /// <param name="messagesPerHour">Messages per hour, 1 to 1,800,000.</param>
    public EmulatorDataSet(int seed, int callsPerHour, int messagesPerHour)
        : this(seed, callsPerHour, messagesPerHour, live: null)
    {
    }

    /// <summary>Creates the data set, in live mode when <paramref name="live"/> is given.</summary>
    /// <param name="seed">The seed; the same seed gives the same records, late and changed ones included.</param>
    /// <param name="callsPerHour">Calls per hour, 1 to 1,800,000.</param>
    /// <param name="messagesPerHour">Messages per hour, 1 to 1,800,000.</param>
    /// <param name="live">Live mode's settings (copied: later edits have no effect); <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A rate or a live setting is out of its range.</exception>
    public EmulatorDataSet(int seed, int callsPerHour, int messagesPerHour, EmulatorLiveOptions? live)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(callsPerHour, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(callsPerHour, 1_800_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerHour, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(messagesPerHour, 1_800_000);
        live?.Validate(nameof(live));
        _generator = new SeedGenerator(seed, callsPerHour, messagesPerHour);
        _live = live is null ? null : new LiveSchedule(_generator, live.Snapshot());
    }

    /// <summary>Whether the data set is in live mode: records arrive with the clock, some late, some revised.</summary>
    public bool IsLive => _live is not null;

    /// <summary>The calls that started in [<paramref name="from"/>, <paramref name="to"/>), in start order, as first recorded (timeless: live mode aside).</summary>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <returns>The calls, generated lazily.</returns>
    public IEnumerable<SeedCall> Calls(DateTimeOffset from, DateTimeOffset to) => Calls(CallIndexAtOrAfter(from), to);

    /// <summary>The calls from position <paramref name="firstIndex"/> on that started before <paramref name="to"/>, in start order (seeks without generating the calls before it).</summary>
    /// <param name="firstIndex">The position of the first call.</param>
    /// <param name="to">Exclusive end.</param>
    /// <returns>The calls, generated lazily.</returns>
    public IEnumerable<SeedCall> Calls(long firstIndex, DateTimeOffset to)
    {
        for (var i = Math.Max(0, firstIndex); _generator.CallStart(i) < to; i++)
        {
            yield return GetCall(i);
        }
    }

    /// <summary>
    /// The calls that started in [<paramref name="from"/>, <paramref name="to"/>) as the emulator serves them at
    /// <paramref name="now"/>, in start order: in live mode only those that exist by then
    /// (<see cref="SeedCall.AvailableAt"/> at or before <paramref name="now"/>), revised where the revision is due;
    /// without live mode the same as <see cref="Calls(DateTimeOffset, DateTimeOffset)"/>.
    /// </summary>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The calls, generated lazily.</returns>
    public IEnumerable<SeedCall> CallsVisibleAt(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now) => CallsVisibleAt(CallIndexAtOrAfter(from), to, now);

    /// <summary>The messages created in [<paramref name="from"/>, <paramref name="to"/>), in order, as first recorded (timeless: live mode aside).</summary>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <returns>The messages, generated lazily.</returns>
    public IEnumerable<SeedMessage> Messages(DateTimeOffset from, DateTimeOffset to) => Messages(MessageIndexAtOrAfter(from), to);

    /// <summary>The messages from position <paramref name="firstIndex"/> on created before <paramref name="to"/>, in order (seeks without generating the messages before it).</summary>
    /// <param name="firstIndex">The position of the first message.</param>
    /// <param name="to">Exclusive end.</param>
    /// <returns>The messages, generated lazily.</returns>
    public IEnumerable<SeedMessage> Messages(long firstIndex, DateTimeOffset to)
    {
        for (var i = Math.Max(0, firstIndex); _generator.MessageStart(i) < to; i++)
        {
            yield return GetMessage(i);
        }
    }

    /// <summary>
    /// The messages created in [<paramref name="from"/>, <paramref name="to"/>) as the emulator serves them at
    /// <paramref name="now"/>, in order (see <see cref="CallsVisibleAt(DateTimeOffset, DateTimeOffset, DateTimeOffset)"/>).
    /// </summary>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The messages, generated lazily.</returns>
    public IEnumerable<SeedMessage> MessagesVisibleAt(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now) => MessagesVisibleAt(MessageIndexAtOrAfter(from), to, now);

    /// <summary>The position of the first call that starts at or after <paramref name="instant"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The index (0 for instants before <see cref="Epoch"/>).</returns>
    public long CallIndexAtOrAfter(DateTimeOffset instant) => _generator.CallIndexAtOrAfter(instant);

    /// <summary>The position of the first message created at or after <paramref name="instant"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The index (0 for instants before <see cref="Epoch"/>).</returns>
    public long MessageIndexAtOrAfter(DateTimeOffset instant) => _generator.MessageIndexAtOrAfter(instant);

    /// <summary>The call at a position of the data set, as first recorded.</summary>
    /// <param name="index">The position, 0 or more.</param>
    /// <returns>The call.</returns>
    public SeedCall GetCall(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return _generator.Call(index, _live);
    }

    /// <summary>The call at a position as the emulator serves it at <paramref name="now"/>.</summary>
    /// <param name="index">The position, 0 or more.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The call (revised once its revision is due); <see langword="null"/> in live mode before it exists.</returns>
    public SeedCall? GetCallAt(long index, DateTimeOffset now)
    {
        var call = GetCall(index);
        return _live is null ? call : _live.At(call, now);
    }

    /// <summary>The message at a position of the data set, as first recorded.</summary>
    /// <param name="index">The position, 0 or more.</param>
    /// <returns>The message.</returns>
    public SeedMessage GetMessage(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return _generator.Message(index, _live);
    }

    /// <summary>The message at a position as the emulator serves it at <paramref name="now"/>.</summary>
    /// <param name="index">The position, 0 or more.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The message (revised once its revision is due); <see langword="null"/> in live mode before it exists.</returns>
    public SeedMessage? GetMessageAt(long index, DateTimeOffset now)
    {
        var message = GetMessage(index);
        return _live is null ? message : _live.At(message, now);
    }

    /// <summary>When the call at <paramref name="index"/> starts (without generating it).</summary>
    internal DateTimeOffset CallStartedAt(long index) => _generator.CallStart(index);

    /// <summary>
    /// Records that started before the returned instant no longer appear or change at <paramref name="now"/>: what a
    /// cache of counts may key on. Without live mode nothing ever changes (<see cref="DateTimeOffset.MaxValue"/>).
    /// </summary>
    internal DateTimeOffset SettledBefore(DateTimeOffset now) =>
        _live is null ? DateTimeOffset.MaxValue : now - _live.Horizon;

    /// <summary>The calls from <paramref name="firstIndex"/> on that started before <paramref name="to"/>, as served at <paramref name="now"/>.</summary>
    internal IEnumerable<SeedCall> CallsVisibleAt(long firstIndex, DateTimeOffset to, DateTimeOffset now)
    {
        if (_live is null)
        {
            return Calls(firstIndex, to);
        }

        // A call exists only once it ended, so nothing that starts at or after now is served.
        return CallsUntil(firstIndex, to < now ? to : now, now);
    }

    /// <summary>The messages from <paramref name="firstIndex"/> on created before <paramref name="to"/>, as served at <paramref name="now"/>.</summary>
    internal IEnumerable<SeedMessage> MessagesVisibleAt(long firstIndex, DateTimeOffset to, DateTimeOffset now)
    {
        if (_live is null)
        {
            return Messages(firstIndex, to);
        }

        return MessagesUntil(firstIndex, to < now ? to : now, now);
    }

    private IEnumerable<SeedCall> CallsUntil(long firstIndex, DateTimeOffset to, DateTimeOffset now)
    {
        foreach (var call in Calls(firstIndex, to))
        {
            if (_live!.At(call, now) is { } visible)
            {
                yield return visible;
            }
        }
    }

    private IEnumerable<SeedMessage> MessagesUntil(long firstIndex, DateTimeOffset to, DateTimeOffset now)
    {
        foreach (var message in Messages(firstIndex, to))
        {
            if (_live!.At(message, now) is { } visible)
            {
                yield return visible;
            }
        }
    }
}
