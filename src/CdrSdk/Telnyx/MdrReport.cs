namespace CdrSdk.Telnyx;

/// <summary>An MDR report request as the server describes it.</summary>
public sealed class MdrReport : TelnyxReport
{
    /// <summary><c>call_types</c> (v1).</summary>
    public IReadOnlyList<TelnyxCallType> CallTypes { get; init; } = [];

    /// <summary><c>directions</c>, whether sent as names or numbers.</summary>
    public IReadOnlyList<MessageDirection> Directions { get; init; } = [];

    /// <summary><c>profiles</c>: messaging profile ids, whether sent as an array or a string.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];
}
