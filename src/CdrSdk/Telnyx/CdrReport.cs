namespace CdrSdk.Telnyx;

/// <summary>A CDR report request as the server describes it.</summary>
public sealed class CdrReport : TelnyxReport
{
    /// <summary><c>call_types</c>.</summary>
    public IReadOnlyList<TelnyxCallType> CallTypes { get; init; } = [];

    /// <summary><c>source</c>, when the server reports it.</summary>
    public CdrReportSource? Source { get; init; }

    /// <summary><c>retry</c> (v2): how many times the server retried generating the report.</summary>
    public int? RetryCount { get; init; }
}
