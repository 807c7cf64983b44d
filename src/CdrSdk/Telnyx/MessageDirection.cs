namespace CdrSdk.Telnyx;

/// <summary>Message direction filter of an MDR report (v1 sends <c>inbound</c>/<c>outbound</c>, v2 sends 1/2).</summary>
public enum MessageDirection
{
    /// <summary>Messages received.</summary>
    Inbound = 1,

    /// <summary>Messages sent.</summary>
    Outbound = 2,
}
