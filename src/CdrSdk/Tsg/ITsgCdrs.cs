using CdrSdk.Paging;

namespace CdrSdk.Tsg;

/// <summary>TSG's <c>cdrRecords</c> query: typed pages of CDRs and CSV exports.</summary>
public interface ITsgCdrs
{
    /// <summary>Lists the CDRs of a type and time window, page after page (<c>cursor</c>/<c>nextCursor</c> until null).</summary>
    /// <param name="query">Type, window, company, page size and fields.</param>
    /// <param name="cancellationToken">Cancels every enumeration.</param>
    /// <returns>The records; the page size hint maps to <c>limit</c> (1 to 1000).</returns>
    /// <exception cref="CdrValidationException">The query breaks a rule; nothing was sent.</exception>
    AsyncPageable<TsgCdr> ListAsync(TsgCdrQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets the signed, public export link of the query (the CSV includes the selected fields and ignores paging).</summary>
    /// <param name="query">Type, window, company and fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The link; it needs no credentials. TSG aborts exports that take over 20 minutes: prefer <see cref="ExportCsvAsync(TsgCdrQuery, CancellationToken)"/> for long windows.</returns>
    Task<Uri> GetExportLinkAsync(TsgCdrQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Exports the query as CSV: the window is split into slices of <see cref="TsgOptions.ExportSliceSize"/> (default
    /// 1 day) whose exports are downloaded one after the other, without credentials, and streamed as one file with
    /// one header row.
    /// </summary>
    /// <param name="query">Type, window, company and fields.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The CSV; dispose it when done.</returns>
    Task<Stream> ExportCsvAsync(TsgCdrQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Exports the query as CSV like <see cref="ExportCsvAsync(TsgCdrQuery, CancellationToken)"/>, reporting each
    /// slice as it starts and the end of the export, so a long export can drive a progress bar.
    /// </summary>
    /// <param name="query">Type, window, company and fields.</param>
    /// <param name="progress">Receives a report as each slice starts downloading and once when the last slice is read.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The CSV; dispose it when done.</returns>
    Task<Stream> ExportCsvAsync(TsgCdrQuery query, IProgress<TsgExportProgress> progress, CancellationToken cancellationToken = default);

    /// <summary>Streams the CSV export as rows, columns by header name.</summary>
    /// <param name="query">Type, window, company and fields.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The rows.</returns>
    IAsyncEnumerable<CsvRecord> ReadExportAsync(TsgCdrQuery query, CancellationToken cancellationToken = default);
}
