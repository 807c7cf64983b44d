namespace CdrSdk.Emulator;

/// <summary>One call of the emulator's generated data set. Every provider emulation renders it in its own format.</summary>
public sealed class SeedCall
{
    /// <summary>The call's position in the data set (0 at <see cref="EmulatorDataSet.Epoch"/>).</summary>
    public required long Index { get; init; }

    /// <summary>A stable UUID of the call.</summary>
    public required string Id { get; init; }

    /// <summary>When the call started (millisecond precision, strictly increasing with <see cref="Index"/>).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the call was answered; <see langword="null"/> when it was not.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>When the call ended.</summary>
    public required DateTimeOffset EndedAt { get; init; }

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public required string Direction { get; init; }

    /// <summary>The calling number (E.164).</summary>
    public required string From { get; init; }

    /// <summary>The called number (E.164).</summary>
    public required string To { get; init; }

    /// <summary><c>answered</c>, <c>no_answer</c>, <c>busy</c> or <c>failed</c>.</summary>
    public required string Disposition { get; init; }

    /// <summary>The SIP/FreeSWITCH hangup cause (for example <c>NORMAL_CLEARING</c>).</summary>
    public required string HangupCause { get; init; }

    /// <summary>Seconds from answer to hangup (0 when not answered).</summary>
    public required int TalkSeconds { get; init; }

    /// <summary>Seconds the call rang before it was answered or given up.</summary>
    public required int RingSeconds { get; init; }

    /// <summary>Seconds from start to end.</summary>
    public int DurationSeconds => (int)(EndedAt - StartedAt).TotalSeconds;

    /// <summary>Billed seconds: talk time rounded up to whole minutes.</summary>
    public int BillableSeconds => TalkSeconds == 0 ? 0 : (TalkSeconds + 59) / 60 * 60;

    /// <summary>The rate per minute in <see cref="Currency"/>.</summary>
    public required decimal Rate { get; init; }

    /// <summary>The cost: billable minutes times the rate.</summary>
    public decimal Cost => Math.Round(BillableSeconds / 60m * Rate, 4);

    /// <summary>Always <c>USD</c>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A field of every record; constant only in this seed data.")]
    public string Currency => "USD";

    /// <summary>The connection (trunk or application) id: <c>1001</c>, <c>1002</c> or <c>1003</c>.</summary>
    public required string ConnectionId { get; init; }

    /// <summary>Zero or more of <c>vip</c>, <c>support</c>, <c>sales</c>, <c>billing</c>.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Whether the call arrives late in live mode: it first exists <see cref="EmulatorLiveOptions.LateBy"/> after it ended. Always <see langword="false"/> without live mode.</summary>
    public bool IsLate { get; init; }

    /// <summary>
    /// When the call first exists in live mode: its end as first recorded, or <see cref="EmulatorLiveOptions.LateBy"/>
    /// after it when <see cref="IsLate"/>. (Without live mode every call is served at every instant; this is then its end.)
    /// </summary>
    public DateTimeOffset AvailableAt { get; init; }

    /// <summary>
    /// When the call takes its revised values in live mode (<see cref="AvailableAt"/> +
    /// <see cref="EmulatorLiveOptions.ChangedAfter"/>); <see langword="null"/> when it never changes (always without live mode).
    /// </summary>
    public DateTimeOffset? RevisedAt { get; init; }

    /// <summary>
    /// Whether this is the revised version of the call (same <see cref="Id"/>, <see cref="StartedAt"/> and
    /// <see cref="AnsweredAt"/>): an answered call was re-rated (another <see cref="Rate"/>, so another
    /// <see cref="Cost"/>) and talked 1 to 50 s longer; an unanswered one has another <see cref="Disposition"/>
    /// and <see cref="HangupCause"/> and rang 1 to 50 s longer. Either way <see cref="EndedAt"/> moves 1 to 50 s later.
    /// </summary>
    public bool IsRevised { get; init; }

    /// <summary>The end as first recorded (before a revision): what ids derived from the end (Kazoo's <c>YYYYMM-</c>) keep.</summary>
    internal DateTimeOffset FirstEndedAt { get; init; }
}
