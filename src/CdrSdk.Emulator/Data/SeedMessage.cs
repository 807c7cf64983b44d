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
}
