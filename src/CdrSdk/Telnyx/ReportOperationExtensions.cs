namespace CdrSdk.Telnyx;

/// <summary>Typed row readers for finished report operations.</summary>
public static class ReportOperationExtensions
{
    /// <summary>Streams the rows of a completed CDR report, parsed from the CSV as it downloads.</summary>
    /// <param name="operation">A completed CDR report operation.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="InvalidOperationException">The report has not completed successfully.</exception>
    public static IAsyncEnumerable<CdrReportRow> ReadRowsAsync(this ReportOperation<CdrReport> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Source.ReadRowsAsync(operation.Value, static (header, fields) => new CdrReportRow(header, fields), cancellationToken);
    }

    /// <summary>Streams the rows of a completed MDR report, parsed from the CSV as it downloads.</summary>
    /// <param name="operation">A completed MDR report operation.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="InvalidOperationException">The report has not completed successfully.</exception>
    public static IAsyncEnumerable<MdrReportRow> ReadRowsAsync(this ReportOperation<MdrReport> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Source.ReadRowsAsync(operation.Value, static (header, fields) => new MdrReportRow(header, fields), cancellationToken);
    }
}
