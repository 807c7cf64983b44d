namespace CdrSdk.Telnyx;

/// <summary>The state of a Telnyx report request (v1 and v2 CDR send numbers, v2 MDR sends names).</summary>
public enum ReportStatus
{
    /// <summary>A status this SDK version does not know; treat as still running.</summary>
    Unknown = 0,

    /// <summary>The report is being generated (1, <c>PENDING</c>).</summary>
    Pending = 1,

    /// <summary>The report is ready; <see cref="TelnyxReport.ReportUrl"/> points to the CSV (2, <c>COMPLETE</c>).</summary>
    Complete = 2,

    /// <summary>Generation failed (3, <c>FAILED</c>).</summary>
    Failed = 3,

    /// <summary>The report is older than the retention period and its file is gone (4, <c>EXPIRED</c>).</summary>
    Expired = 4,
}
