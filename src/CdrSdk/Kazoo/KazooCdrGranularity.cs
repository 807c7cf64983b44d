namespace CdrSdk.Kazoo;

/// <summary>What one <see cref="CallRecord"/> of a Kazoo source stands for.</summary>
public enum KazooCdrGranularity
{
    /// <summary>
    /// One record per call leg (<c>/cdrs</c>), the default: a call bridged from an inbound leg to a device is two
    /// records (both legs, each with its own id, direction, duration and cost), as Kazoo writes a CDR per leg.
    /// </summary>
    Leg = 0,

    /// <summary>
    /// One record per interaction (<c>/cdrs/interaction</c>): the interaction's summary row as Kazoo lists it (its
    /// first leg's numbers, times and cost), keyed by <c>interaction_id</c>. Use
    /// <see cref="IKazooInteractions.GetLegsAsync"/> for the legs of one.
    /// </summary>
    Interaction = 1,
}
