namespace CdrSdk.Telnyx;

/// <summary>CDR (call detail record) report requests.</summary>
public interface ITelnyxCdrReports : ITelnyxReports<CdrReportRequest, CdrReport, CdrReportRow>
{
    /// <summary>
    /// Lists the columns a v2 CDR report can include, grouped by category (<c>GET .../voice/fields</c>).
    /// API v2 only.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Category name to field names.</returns>
    /// <exception cref="NotSupportedException">The client is configured for API v1.</exception>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetFieldsAsync(CancellationToken cancellationToken = default);
}
