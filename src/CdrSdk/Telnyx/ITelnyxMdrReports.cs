namespace CdrSdk.Telnyx;

/// <summary>MDR (message detail record) report requests.</summary>
public interface ITelnyxMdrReports : ITelnyxReports<MdrReportRequest, MdrReport, MdrReportRow>;
