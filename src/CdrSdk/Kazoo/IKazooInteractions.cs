using CdrSdk.Paging;

namespace CdrSdk.Kazoo;

/// <summary>Interactions: the call legs that took part in one call, grouped (<c>/cdrs/interaction</c>, <c>/cdrs/legs</c>).</summary>
public interface IKazooInteractions
{
    /// <summary>Lists one summary row per interaction of an account (or of <see cref="KazooCdrQuery.UserId"/>), with the same paging and window splitting as CDR listings.</summary>
    /// <param name="accountId">The account id (32 hexadecimal characters).</param>
    /// <param name="query">Range, owner, order, filters and paging.</param>
    /// <param name="cancellationToken">Cancels every enumeration.</param>
    /// <returns>The interactions.</returns>
    AsyncPageable<KazooCdrSummary> ListAsync(string accountId, KazooCdrQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets every leg of an interaction as full CDR documents.</summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="interactionId">The interaction id (<c>interaction_id</c> of a CDR), or a CDR id of one of its legs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The legs, as the server orders them.</returns>
    Task<IReadOnlyList<KazooCdr>> GetLegsAsync(string accountId, string interactionId, CancellationToken cancellationToken = default);
}
