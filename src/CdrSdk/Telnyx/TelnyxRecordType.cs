namespace CdrSdk.Telnyx;

/// <summary>Which records a Telnyx report includes (wire values 1 to 3; v2 MDR responses spell them out).</summary>
public enum TelnyxRecordType
{
    /// <summary>Completed calls or messages (1). The server's default.</summary>
    Complete = 1,

    /// <summary>Incomplete calls or messages (2).</summary>
    Incomplete = 2,

    /// <summary>Errors (3).</summary>
    Errors = 3,
}
