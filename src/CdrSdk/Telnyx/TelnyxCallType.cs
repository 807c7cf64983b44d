namespace CdrSdk.Telnyx;

/// <summary>Call direction filter of a Telnyx report (wire values 1 and 2).</summary>
public enum TelnyxCallType
{
    /// <summary>Inbound calls (1). The server's default when no call type is given.</summary>
    Inbound = 1,

    /// <summary>Outbound calls (2).</summary>
    Outbound = 2,
}
