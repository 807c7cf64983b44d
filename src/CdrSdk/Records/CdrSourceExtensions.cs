using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk;

/// <summary>
/// Turns each provider client into an <see cref="ICdrSource"/> of <see cref="CallRecord"/>s. The optional
/// <c>configure</c> callback receives the provider's own query with the range already set and returns it with
/// the provider's filters (<c>q =&gt; q with { ... }</c>); the range it returns is replaced by the one given to
/// <see cref="ICdrSource.ListAsync"/>.
/// </summary>
public static class CdrSourceExtensions
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

    /// <summary>Voiso records of every type; the range filters on <c>started_at</c>.</summary>
    /// <param name="voiso">The Voiso client.</param>
    /// <param name="configure">Sets any <see cref="VoisoCdrQuery"/> filter except <see cref="VoisoCdrQuery.StartedAt"/>.</param>
    /// <returns>The source.</returns>
    public static ICdrSource AsCdrSource(this IVoisoClient voiso, Func<VoisoCdrQuery, VoisoCdrQuery>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(voiso);
        return new VoisoCdrSource(voiso, configure);
    }

    /// <summary>TSG records of one type (SMS, VOICE, ...); the range becomes <c>startDatetime</c>/<c>endDatetime</c>.</summary>
    /// <param name="tsg">The TSG client.</param>
    /// <param name="type">The record type.</param>
    /// <param name="configure">Sets the company, page size or fields.</param>
    /// <returns>The source.</returns>
    public static ICdrSource AsCdrSource(this ITsgClient tsg, TsgCdrType type, Func<TsgCdrQuery, TsgCdrQuery>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(tsg);
        if (string.IsNullOrWhiteSpace(type.Value))
        {
            throw new ArgumentException("A TSG record type is required, for example TsgCdrType.Sms.", nameof(type));
        }

        return new TsgCdrSource(tsg, type, configure);
    }

    /// <summary>
    /// The CDRs of one Kazoo account, one record per call leg (set <see cref="KazooCdrQuery.UserId"/> for one user's);
    /// the range filters on the time each CDR was generated (its end); oldest first unless <c>configure</c> sets
    /// <see cref="KazooCdrQuery.Ascending"/> to <see langword="false"/>.
    /// </summary>
    /// <param name="kazoo">The Kazoo client.</param>
    /// <param name="accountId">The account id (32 hexadecimal characters).</param>
    /// <param name="configure">Sets the user, order, page size and <c>filter_*</c> filters.</param>
    /// <returns>The source.</returns>
    public static ICdrSource AsCdrSource(this IKazooClient kazoo, string accountId, Func<KazooCdrQuery, KazooCdrQuery>? configure = null) =>
        AsCdrSource(kazoo, accountId, KazooCdrGranularity.Leg, configure);

    /// <summary>
    /// The CDRs of one Kazoo account, one record per leg (<see cref="KazooCdrGranularity.Leg"/>, as
    /// <see cref="AsCdrSource(IKazooClient, string, Func{KazooCdrQuery, KazooCdrQuery}?)"/>) or one per interaction
    /// (<see cref="KazooCdrGranularity.Interaction"/>, <c>/cdrs/interaction</c>, keyed by <c>interaction_id</c>).
    /// </summary>
    /// <param name="kazoo">The Kazoo client.</param>
    /// <param name="accountId">The account id (32 hexadecimal characters).</param>
    /// <param name="granularity">One record per leg or per interaction.</param>
    /// <param name="configure">Sets the user, order, page size and <c>filter_*</c> filters.</param>
    /// <returns>The source.</returns>
    public static ICdrSource AsCdrSource(this IKazooClient kazoo, string accountId, KazooCdrGranularity granularity, Func<KazooCdrQuery, KazooCdrQuery>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(kazoo);
        KazooIds.RequireAccountId(accountId, nameof(accountId));
        if (granularity is not (KazooCdrGranularity.Leg or KazooCdrGranularity.Interaction))
        {
            throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "Expected KazooCdrGranularity.Leg or KazooCdrGranularity.Interaction.");
        }

        return new KazooCdrSource(kazoo, accountId, granularity, configure);
    }
}
