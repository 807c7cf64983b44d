using CdrSdk.Paging;

namespace CdrSdk;

/// <summary>
/// One provider's records as <see cref="CallRecord"/>s for any time range, with that provider's own filters fixed
/// when the source was created (for example <c>cdr.Voiso.AsCdrSource(q =&gt; q with { QueueId = ["302"] })</c>).
/// </summary>
public interface ICdrSource
{
    /// <summary>The provider the records come from.</summary>
    CdrProvider Provider { get; }

    /// <summary>
    /// Lists the records of [<paramref name="since"/>, <paramref name="until"/>) page by page; pages carry continuation
    /// tokens (see <see cref="AsyncPageable{T}.AsPages(string?, int?)"/>), so an interrupted read resumes exactly
    /// where it stopped.
    /// </summary>
    /// <param name="since">The start of the range (inclusive).</param>
    /// <param name="until">The end of the range (exclusive); after <paramref name="since"/>.</param>
    /// <param name="cancellationToken">Cancels every enumeration.</param>
    /// <returns>The records, in the provider's order.</returns>
    /// <exception cref="CdrValidationException">The range or the provider query breaks a rule; nothing was sent.</exception>
    AsyncPageable<CallRecord> ListAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);
}
