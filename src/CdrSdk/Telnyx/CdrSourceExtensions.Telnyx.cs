using CdrSdk.Telnyx;

namespace CdrSdk;

/// <content>The Telnyx sources.</content>
public static partial class CdrSourceExtensions
{
    /// <summary>Telnyx CDRs (calls): each listing requests a CDR report for the range, waits for it and streams its rows.</summary>
    /// <param name="telnyx">The Telnyx client.</param>
    /// <param name="configure">Sets report filters (call types, connections, <c>Filters</c>, ...).</param>
    /// <returns>The source.</returns>
    public static ICdrSource AsCdrSource(this ITelnyxClient telnyx, Func<CdrReportRequest, CdrReportRequest>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(telnyx);
        return new TelnyxCdrSource(telnyx.CdrReports, configure);
    }

    /// <summary>
    /// Telnyx CDRs (calls), telling <paramref name="reportProgress"/> about the report while Telnyx generates it: its
    /// id and status after every status check (the first as soon as the report exists or, when a listing resumes,
    /// after its first check), the last one complete, failed or expired.
    /// </summary>
    /// <param name="telnyx">The Telnyx client.</param>
    /// <param name="configure">Sets report filters (call types, connections, <c>Filters</c>, ...).</param>
    /// <param name="reportProgress">Receives the report on the polling thread; <see langword="null"/> for none.</param>
    /// <returns>The source.</returns>
    public static ICdrSource AsCdrSource(this ITelnyxClient telnyx, Func<CdrReportRequest, CdrReportRequest>? configure, IProgress<CdrReport>? reportProgress)
    {
        ArgumentNullException.ThrowIfNull(telnyx);
        return new TelnyxCdrSource(telnyx.CdrReports, configure, reportProgress);
    }

    /// <summary>Telnyx MDRs (messages): each listing requests an MDR report for the range, waits for it and streams its rows.</summary>
    /// <param name="telnyx">The Telnyx client.</param>
    /// <param name="configure">Sets report filters (directions, profiles, <c>Filters</c>, ...).</param>
    /// <returns>The source.</returns>
    public static ICdrSource AsMdrSource(this ITelnyxClient telnyx, Func<MdrReportRequest, MdrReportRequest>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(telnyx);
        return new TelnyxMdrSource(telnyx.MdrReports, telnyx.ApiVersion, configure);
    }

    /// <summary>
    /// Telnyx MDRs (messages), telling <paramref name="reportProgress"/> about the report while Telnyx generates it,
    /// as <see cref="AsCdrSource(ITelnyxClient, Func{CdrReportRequest, CdrReportRequest}?, IProgress{CdrReport}?)"/> does.
    /// </summary>
    /// <param name="telnyx">The Telnyx client.</param>
    /// <param name="configure">Sets report filters (directions, profiles, <c>Filters</c>, ...).</param>
    /// <param name="reportProgress">Receives the report on the polling thread; <see langword="null"/> for none.</param>
    /// <returns>The source.</returns>
    public static ICdrSource AsMdrSource(this ITelnyxClient telnyx, Func<MdrReportRequest, MdrReportRequest>? configure, IProgress<MdrReport>? reportProgress)
    {
        ArgumentNullException.ThrowIfNull(telnyx);
        return new TelnyxMdrSource(telnyx.MdrReports, telnyx.ApiVersion, configure, reportProgress);
    }
}
