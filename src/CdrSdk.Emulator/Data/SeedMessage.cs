namespace CdrSdk.Emulator;

/// <summary>One message (SMS or MMS) of the emulator's generated data set.</summary>
public sealed class SeedMessage
{
    /// <summary>The message's position in the data set.</summary>
    public required long Index { get; init; }

    /// <summary>A stable UUID of the message.</summary>
    public required string Id { get; init; }

    /// <summary>When the message was sent or received (strictly increasing with <see cref="Index"/>).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the message reached its final state.</summary>
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public required string Direction { get; init; }

    /// <summary>The sending number.</summary>
    public required string From { get; init; }

    /// <summary>The receiving number.</summary>
    public required string To { get; init; }

    /// <summary><c>delivered</c>, <c>sent</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }

    /// <summary><c>SMS</c> or <c>MMS</c>.</summary>
    public required string MessageType { get; init; }

    /// <summary>The number of parts (1 to 3).</summary>
    public required int Parts { get; init; }

    /// <summary>The rate per part.</summary>
    public required decimal Rate { get; init; }

    /// <summary>Parts times rate.</summary>
    public decimal Cost => Parts * Rate;

    /// <summary>Always <c>USD</c>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A field of every record; constant only in this seed data.")]
    public string Currency => "USD";

    /// <summary>The messaging profile id.</summary>
    public required string ProfileId { get; init; }

    /// <summary>Zero or more of <c>vip</c>, <c>support</c>, <c>sales</c>, <c>billing</c>.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Whether the message arrives late in live mode: it first exists <see cref="EmulatorLiveOptions.LateBy"/> after it completed. Always <see langword="false"/> without live mode.</summary>
    public bool IsLate { get; init; }

    /// <summary>
    /// When the message first exists in live mode: its completion as first recorded, or
    /// <see cref="EmulatorLiveOptions.LateBy"/> after it when <see cref="IsLate"/>. (Without live mode every message
    /// is served at every instant; this is then its completion.)
    /// </summary>
    public DateTimeOffset AvailableAt { get; init; }

    /// <summary>When the message takes its revised values in live mode; <see langword="null"/> when it never changes (always without live mode).</summary>
    public DateTimeOffset? RevisedAt { get; init; }

    /// <summary>
    /// Whether this is the revised version of the message (same <see cref="Id"/>, <see cref="CreatedAt"/> and
    /// <see cref="MessageType"/>): another <see cref="Status"/>, re-rated (<see cref="Rate"/> 0.0045, so another
    /// <see cref="Cost"/>), completed 1 to 50 s later.
    /// </summary>
    public bool IsRevised { get; init; }
}
