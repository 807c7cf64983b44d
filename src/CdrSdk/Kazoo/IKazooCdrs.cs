using CdrSdk.Paging;

namespace CdrSdk.Kazoo;

/// <summary>Call detail records of a Kazoo account or user: listings, full documents and CSV.</summary>
public interface IKazooCdrs
{
    /// <summary>
    /// Lists the CDR summaries of an account (or of <see cref="KazooCdrQuery.UserId"/>) over
    /// <c>start_key</c>/<c>next_start_key</c> paging, splitting ranges longer than the server maximum into
    /// consecutive windows; one sequence, in order, with nothing lost or repeated at window edges.
    /// </summary>
    /// <param name="accountId">The account id (32 hexadecimal characters).</param>
    /// <param name="query">Range, owner, order, filters and paging; <see langword="null"/> for the server defaults.</param>
    /// <param name="cancellationToken">Cancels every enumeration.</param>
    /// <returns>The summaries; the page size hint maps to <c>page_size</c>.</returns>
    /// <exception cref="ArgumentException">An id does not have the documented shape.</exception>
    /// <exception cref="CdrValidationException">The query breaks a rule.</exception>
    AsyncPageable<KazooCdrSummary> ListAsync(string accountId, KazooCdrQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the full CDR document of one leg.</summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="cdrId">The CDR id, <c>YYYYMM-&lt;call id&gt;</c> (the <c>id</c> of a summary).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The CDR.</returns>
    Task<KazooCdr> GetAsync(string accountId, string cdrId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Exports the listing as CSV (<c>Accept: text/csv</c>), as a stream. Long ranges are split into windows and
    /// streamed as one file with one header row.
    /// </summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="query">Range, owner and filters (paging settings do not apply to CSV).</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The CSV body; dispose it when done.</returns>
    Task<Stream> ExportCsvAsync(string accountId, KazooCdrQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the CSV export as typed rows, columns mapped by header name (Kazoo versions differ in columns).
    /// Kazoo 4.3 writes values unquoted, so <c>rfc_1036</c> (<c>Fri, 20 Nov 2026 21:05:57 GMT</c>) and any other value
    /// with a comma spill into extra cells: each line is aligned with the header first, and a line that cannot be
    /// aligned in exactly one way ends the stream with a <see cref="CdrTransportException"/> naming the line.
    /// </summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="query">Range, owner and filters.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="CdrTransportException">A line cannot be aligned with the header unambiguously (the message names it).</exception>
    IAsyncEnumerable<KazooCdrCsvRow> ReadCsvAsync(string accountId, KazooCdrQuery? query = null, CancellationToken cancellationToken = default);
}
