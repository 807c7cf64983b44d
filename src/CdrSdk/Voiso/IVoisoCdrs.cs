using CdrSdk.Paging;

namespace CdrSdk.Voiso;

/// <summary>The Voiso CDR list (<c>GET /api/v4/reporting/cdrs</c>).</summary>
public interface IVoisoCdrs
{
    /// <summary>
    /// Lists the CDRs that match the query: offset paging first, then <c>metadata.next_cursor</c> as soon as the
    /// API returns one, so listings go past the 10,000-record offset limit without repeating or skipping records.
    /// </summary>
    /// <param name="query">Filters and paging; <see langword="null"/> for everything.</param>
    /// <param name="cancellationToken">Cancels every enumeration.</param>
    /// <returns>The records; the page size hint maps to <c>limit</c> (1 to 1000).</returns>
    /// <exception cref="CdrValidationException">The query breaks a rule; nothing was sent.</exception>
    /// <remarks>
    /// An invalid or expired cursor raises <see cref="VoisoInvalidCursorException"/> carrying the last good
    /// continuation token. Nothing is fetched until enumeration starts.
    /// </remarks>
    AsyncPageable<VoisoCdr> ListAsync(VoisoCdrQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Counts the records that match the query (<c>limit=0</c>, reading <c>metadata.total</c>).</summary>
    /// <param name="query">Filters; paging settings are ignored.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The total the API reports, or <see langword="null"/> when it reports none.</returns>
    Task<long?> CountAsync(VoisoCdrQuery? query = null, CancellationToken cancellationToken = default);
}
