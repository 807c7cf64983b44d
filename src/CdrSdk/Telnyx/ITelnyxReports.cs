using CdrSdk.Paging;

namespace CdrSdk.Telnyx;

/// <summary>
/// Operations on one kind of Telnyx report request (CDR or MDR): create, get, list, delete, and read the
/// finished report.
/// </summary>
/// <typeparam name="TRequest">The request model.</typeparam>
/// <typeparam name="TReport">The report model.</typeparam>
/// <typeparam name="TRow">The typed CSV row of a finished report.</typeparam>
public interface ITelnyxReports<in TRequest, TReport, TRow>
    where TReport : TelnyxReport
    where TRow : CsvRecord
{
    /// <summary>
    /// Validates and creates a report request, and returns an operation that tracks it until the report is
    /// ready. This is the usual entry point.
    /// </summary>
    /// <param name="request">The request; validated before any HTTP call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The operation; call <see cref="ReportOperation{TReport}.WaitForCompletionAsync(CancellationToken)"/> next.</returns>
    /// <exception cref="CdrValidationException">The request breaks a rule; nothing was sent.</exception>
    /// <exception cref="CdrApiException">Telnyx rejected the request.</exception>
    Task<ReportOperation<TReport>> StartAsync(TRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a request by the rules <see cref="CreateAsync"/> and <see cref="StartAsync"/> apply (dates judged at the
    /// client's clock), without sending anything: for example to reject a user's input early.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <exception cref="CdrValidationException">The request breaks a rule; the errors name each property and what is allowed.</exception>
    void Validate(TRequest request);

    /// <summary>
    /// The paging options of the client the reports belong to, for the record sources built on them
    /// (<c>AsCdrSource</c>); an implementation outside the SDK pages with the defaults.
    /// </summary>
    internal CdrPagingOptions Paging => new();

    /// <summary>Validates and creates a report request, returning the server's description of it.</summary>
    /// <param name="request">The request; validated before any HTTP call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created report request (usually pending).</returns>
    Task<TReport> CreateAsync(TRequest request, CancellationToken cancellationToken = default);

    /// <summary>Gets a report request by id.</summary>
    /// <param name="id">The report id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report request.</returns>
    Task<TReport> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Lists the account's report requests, newest first as the server orders them, page by page.</summary>
    /// <param name="cancellationToken">Cancels every enumeration of the result.</param>
    /// <returns>The report requests; nothing is fetched until enumeration starts.</returns>
    AsyncPageable<TReport> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes a report request (and its file).</summary>
    /// <param name="id">The report id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server confirmed the deletion.</returns>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Recreates the operation of a report started earlier (for example by another process that saved
    /// <see cref="ReportOperation{TReport}.Id"/>). No HTTP call is made until the operation is updated or awaited.
    /// </summary>
    /// <param name="id">The report id.</param>
    /// <returns>The operation.</returns>
    ReportOperation<TReport> ResumeOperation(string id);

    /// <summary>Opens the finished report's CSV file as a stream, downloaded without credentials.</summary>
    /// <param name="report">A complete report (with <see cref="TelnyxReport.ReportUrl"/>).</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The CSV body; dispose it when done.</returns>
    /// <exception cref="ReportOperationException">The report is not complete or has no download link.</exception>
    Task<Stream> OpenReadAsync(TReport report, CancellationToken cancellationToken = default);

    /// <summary>Streams the finished report's rows, parsed from the CSV as it downloads (never buffered whole).</summary>
    /// <param name="report">A complete report (with <see cref="TelnyxReport.ReportUrl"/>).</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The rows, columns mapped by header name.</returns>
    IAsyncEnumerable<TRow> ReadRowsAsync(TReport report, CancellationToken cancellationToken = default);
}
