namespace CdrSdk.Tsg;

/// <summary>The fields of <c>VoiceCdr</c> a query selects (and an export includes).</summary>
[Flags]
public enum TsgVoiceCdrFields
{
    /// <summary>No field: voice CDRs are not selected.</summary>
    None = 0,

    /// <summary><c>datetime</c>.</summary>
    Datetime = 1 << 0,

    /// <summary><c>callId</c>.</summary>
    CallId = 1 << 1,

    /// <summary><c>sourceAni</c>.</summary>
    SourceAni = 1 << 2,

    /// <summary><c>destinationNumber</c>.</summary>
    DestinationNumber = 1 << 3,

    /// <summary><c>didUsed</c>.</summary>
    DidUsed = 1 << 4,

    /// <summary><c>sessionTime</c>.</summary>
    SessionTime = 1 << 5,

    /// <summary><c>status</c>.</summary>
    Status = 1 << 6,

    /// <summary><c>calledRate</c>.</summary>
    CalledRate = 1 << 7,

    /// <summary><c>charge</c>.</summary>
    Charge = 1 << 8,

    /// <summary><c>callType</c>.</summary>
    CallType = 1 << 9,

    /// <summary><c>aniIi</c>.</summary>
    AniIi = 1 << 10,

    /// <summary>Every field.</summary>
    All = Datetime | CallId | SourceAni | DestinationNumber | DidUsed | SessionTime | Status | CalledRate | Charge | CallType | AniIi,
}
