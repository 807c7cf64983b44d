namespace CdrSdk.Tsg;

/// <summary>The fields of <c>MessageCdr</c> a query selects (and an export includes).</summary>
[Flags]
public enum TsgMessageCdrFields
{
    /// <summary>No field: message CDRs are not selected.</summary>
    None = 0,

    /// <summary><c>datetime</c>.</summary>
    Datetime = 1 << 0,

    /// <summary><c>fromNumber</c>.</summary>
    FromNumber = 1 << 1,

    /// <summary><c>toNumber</c>.</summary>
    ToNumber = 1 << 2,

    /// <summary><c>direction</c>.</summary>
    Direction = 1 << 3,

    /// <summary><c>status</c>.</summary>
    Status = 1 << 4,

    /// <summary><c>charge</c>.</summary>
    Charge = 1 << 5,

    /// <summary><c>type</c>.</summary>
    Type = 1 << 6,

    /// <summary>Every field.</summary>
    All = Datetime | FromNumber | ToNumber | Direction | Status | Charge | Type,
}
