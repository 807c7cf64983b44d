namespace CdrSdk.Tsg;

/// <summary>The fields of <c>ApiCdr</c> a query selects (and an export includes).</summary>
[Flags]
public enum TsgApiCdrFields
{
    /// <summary>No field: API CDRs are not selected.</summary>
    None = 0,

    /// <summary><c>datetime</c>.</summary>
    Datetime = 1 << 0,

    /// <summary><c>from</c>.</summary>
    From = 1 << 1,

    /// <summary><c>destination</c>.</summary>
    Destination = 1 << 2,

    /// <summary><c>status</c>.</summary>
    Status = 1 << 3,

    /// <summary><c>charge</c>.</summary>
    Charge = 1 << 4,

    /// <summary><c>type</c>.</summary>
    Type = 1 << 5,

    /// <summary>Every field.</summary>
    All = Datetime | From | Destination | Status | Charge | Type,
}
