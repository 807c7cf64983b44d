namespace CdrSdk.Emulator.Kazoo;

/// <summary>One call leg (one Kazoo CDR document) derived from a <see cref="SeedCall"/>.</summary>
public sealed class KazooLeg
{
    /// <summary>The seed call's index.</summary>
    public required long CallIndex { get; init; }

    /// <summary>0 = A-leg (inbound to the switch), 1 = B-leg (outbound), 2 = transfer leg.</summary>
    public required int LegIndex { get; init; }

    /// <summary>The account the leg belongs to.</summary>
    public required string AccountId { get; init; }

    /// <summary>The user the leg belongs to (<c>owner_id</c>).</summary>
    public required string OwnerId { get; init; }

    /// <summary>The call id of the leg.</summary>
    public required string CallId { get; init; }

    /// <summary>The CDR document id, <c>YYYYMM-&lt;call id&gt;</c>.</summary>
    public required string CdrId { get; init; }

    /// <summary>Gregorian seconds of the interaction's start.</summary>
    public required long InteractionTime { get; init; }

    /// <summary>The interaction key.</summary>
    public required string InteractionKey { get; init; }

    /// <summary><c>{interaction_time}-{interaction_key}</c>.</summary>
    public string InteractionId => $"{InteractionTime}-{InteractionKey}";

    /// <summary>Gregorian seconds of when the CDR was generated (the leg's end); the listing key.</summary>
    public required long Timestamp { get; init; }

    /// <summary>The leg's duration.</summary>
    public required int DurationSeconds { get; init; }

    /// <summary>The leg's billable seconds.</summary>
    public required int BillingSeconds { get; init; }

    /// <summary>How long the leg rang.</summary>
    public required int RingingSeconds { get; init; }

    /// <summary><c>inbound</c> or <c>outbound</c>, relative to the switch.</summary>
    public required string CallDirection { get; init; }

    /// <summary>The caller's number.</summary>
    public required string CallerIdNumber { get; init; }

    /// <summary>The caller's name.</summary>
    public required string CallerIdName { get; init; }

    /// <summary>The callee's number.</summary>
    public required string CalleeIdNumber { get; init; }

    /// <summary>The callee's name.</summary>
    public required string CalleeIdName { get; init; }

    /// <summary>The hangup cause.</summary>
    public required string HangupCause { get; init; }

    /// <summary>The other leg's call id, if bridged.</summary>
    public string? OtherLegCallId { get; init; }

    /// <summary>The bridge id (the A-leg's call id).</summary>
    public required string BridgeId { get; init; }

    /// <summary>Customer cost in 1/10,000 dollar (on the A-leg only).</summary>
    public required long CostUnits { get; init; }

    /// <summary>Dollars per minute (on the A-leg only; 0 elsewhere).</summary>
    public required decimal Rate { get; init; }

    /// <summary>Whether the leg is a fax (fax fields are set).</summary>
    public required bool IsFax { get; init; }

    /// <summary>The ordering key of the CDR listing.</summary>
    internal (long Timestamp, long CallIndex, int LegIndex) SortKey => (Timestamp, CallIndex, LegIndex);
}
