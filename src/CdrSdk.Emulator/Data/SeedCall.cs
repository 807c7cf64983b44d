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
}
