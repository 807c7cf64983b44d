using CdrSdk.Kazoo;

namespace CdrSdk;

/// <content>The Kazoo sources.</content>
public static partial class CdrSourceExtensions
{
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
