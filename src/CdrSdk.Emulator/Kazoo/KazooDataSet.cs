using System.Globalization;

namespace CdrSdk.Emulator.Kazoo;

/// <summary>
/// The Kazoo view of the emulator's data set: two accounts (the second a sub-account of the first), three users
/// each, and for every seed call an interaction of two legs (three when the call was transferred).
/// </summary>
public sealed class KazooDataSet
{
    /// <summary>The longest time from a call's start to the timestamp of any of its legs.</summary>
    public static readonly TimeSpan MaxLegSpan = TimeSpan.FromSeconds(1000);

    /// <summary>The account ids: the first is the one credentials log in to, the second its sub-account.</summary>
    public static readonly IReadOnlyList<string> AccountIds = ["4b9c0f5d2e1a4f3b8c7d6e5f4a3b2c1d", "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b"];

    private static readonly Dictionary<string, string[]> Users = new(StringComparer.Ordinal)
    {
        [AccountIds[0]] = ["a1000000000000000000000000000001", "a1000000000000000000000000000002", "a1000000000000000000000000000003"],
        [AccountIds[1]] = ["b2000000000000000000000000000001", "b2000000000000000000000000000002", "b2000000000000000000000000000003"],
    };

    private readonly EmulatorDataSet _data;

    /// <summary>Creates the Kazoo view of a data set.</summary>
    /// <param name="data">The data set.</param>
    public KazooDataSet(EmulatorDataSet data)
    {
        _data = data;
    }

    /// <summary>The users of an account.</summary>
    /// <param name="accountId">The account id.</param>
    /// <returns>The user ids, or none for an unknown account.</returns>
    public static IReadOnlyList<string> UsersOf(string accountId) => Users.TryGetValue(accountId, out var users) ? users : [];

    /// <summary>The account a seed call belongs to.</summary>
    /// <param name="callIndex">The seed call's index.</param>
    /// <returns>The account id.</returns>
    public static string AccountOf(long callIndex) => AccountIds[(int)(callIndex % AccountIds.Count)];

    /// <summary>Every leg of one seed call, as first recorded.</summary>
    /// <param name="callIndex">The seed call's index.</param>
    /// <returns>Two or three legs.</returns>
    public IReadOnlyList<KazooLeg> LegsOf(long callIndex) => Build(_data.GetCall(callIndex));

    /// <summary>
    /// The legs of one seed call the emulator serves at <paramref name="now"/>: in live mode those whose call exists by
    /// then and whose timestamp is not after it (the first legs of an interaction can exist a second before the last).
    /// </summary>
    /// <param name="callIndex">The seed call's index.</param>
    /// <param name="now">The instant.</param>
    /// <returns>Up to three legs, in leg order; none before the call exists.</returns>
    public IReadOnlyList<KazooLeg> LegsOf(long callIndex, DateTimeOffset now) => LegsAt(callIndex, now);

    /// <summary>
    /// The legs of an account (or of one owner) whose timestamp is in [<paramref name="from"/>, <paramref name="to"/>]
    /// (gregorian seconds, inclusive), in listing order (timestamp, then call, then leg), as first recorded.
    /// </summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="ownerId">Only this user's legs, or all.</param>
    /// <param name="from">Inclusive start, gregorian seconds.</param>
    /// <param name="to">Inclusive end, gregorian seconds.</param>
    /// <param name="ascending">Oldest first.</param>
    /// <returns>The legs, generated lazily.</returns>
    public IEnumerable<KazooLeg> Legs(string accountId, string? ownerId, long from, long to, bool ascending) =>
        Legs(accountId, ownerId, from, to, ascending, now: null);

    /// <summary>The legs of an account (or owner) whose timestamp is in [from, to] as the emulator serves them at <paramref name="now"/>, in listing order.</summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="ownerId">Only this user's legs, or all.</param>
    /// <param name="from">Inclusive start, gregorian seconds.</param>
    /// <param name="to">Inclusive end, gregorian seconds.</param>
    /// <param name="ascending">Oldest first.</param>
    /// <param name="now">The instant (see <see cref="LegsOf(long, DateTimeOffset)"/>).</param>
    /// <returns>The legs, generated lazily.</returns>
    public IEnumerable<KazooLeg> Legs(string accountId, string? ownerId, long from, long to, bool ascending, DateTimeOffset now) =>
        Legs(accountId, ownerId, from, to, ascending, (DateTimeOffset?)now);

    /// <summary>The interactions (A-legs) of an account (or owner) whose start is in [from, to], in order, as first recorded.</summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="ownerId">Only this user's interactions, or all.</param>
    /// <param name="from">Inclusive start, gregorian seconds.</param>
    /// <param name="to">Inclusive end, gregorian seconds.</param>
    /// <param name="ascending">Oldest first.</param>
    /// <returns>One leg per interaction, the A-leg.</returns>
    public IEnumerable<KazooLeg> Interactions(string accountId, string? ownerId, long from, long to, bool ascending) =>
        Interactions(accountId, ownerId, from, to, ascending, now: null);

    /// <summary>The interactions (A-legs) of an account (or owner) whose start is in [from, to] as the emulator serves them at <paramref name="now"/>, in order.</summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="ownerId">Only this user's interactions, or all.</param>
    /// <param name="from">Inclusive start, gregorian seconds.</param>
    /// <param name="to">Inclusive end, gregorian seconds.</param>
    /// <param name="ascending">Oldest first.</param>
    /// <param name="now">The instant (an interaction is served once its A-leg is).</param>
    /// <returns>One leg per interaction, the A-leg.</returns>
    public IEnumerable<KazooLeg> Interactions(string accountId, string? ownerId, long from, long to, bool ascending, DateTimeOffset now) =>
        Interactions(accountId, ownerId, from, to, ascending, (DateTimeOffset?)now);

    /// <summary>Finds a leg by its CDR id, as first recorded.</summary>
    /// <param name="cdrId">The CDR id.</param>
    /// <returns>The leg, or null.</returns>
    public KazooLeg? FindByCdrId(string cdrId) => FindByCdrId(cdrId, now: null);

    /// <summary>Finds a leg the emulator serves at <paramref name="now"/> by its CDR id (ids stay the same when a call is revised).</summary>
    /// <param name="cdrId">The CDR id.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The leg, or null (also before it exists).</returns>
    public KazooLeg? FindByCdrId(string cdrId, DateTimeOffset now) => FindByCdrId(cdrId, (DateTimeOffset?)now);

    /// <summary>Finds the legs of an interaction by its id, as first recorded.</summary>
    /// <param name="interactionId">The interaction id.</param>
    /// <returns>The legs, or none.</returns>
    public IReadOnlyList<KazooLeg> FindInteraction(string interactionId) => FindInteraction(interactionId, now: null);

    /// <summary>Finds the legs of an interaction the emulator serves at <paramref name="now"/> by its id.</summary>
    /// <param name="interactionId">The interaction id.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The legs served then, or none.</returns>
    public IReadOnlyList<KazooLeg> FindInteraction(string interactionId, DateTimeOffset now) => FindInteraction(interactionId, (DateTimeOffset?)now);

    /// <summary>Gregorian seconds to an instant.</summary>
    /// <param name="gregorian">Gregorian seconds.</param>
    /// <returns>The instant.</returns>
    public static DateTimeOffset Instant(long gregorian) => DateTimeOffset.FromUnixTimeSeconds(gregorian - 62_167_219_200);

    /// <summary>An instant to gregorian seconds (rounded down).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Gregorian seconds.</returns>
    public static long Gregorian(DateTimeOffset instant) => instant.ToUnixTimeSeconds() + 62_167_219_200;

    private static KazooLeg[] Build(SeedCall call)
    {
        var account = AccountOf(call.Index);
        return KazooLegBuilder.Build(call, account, Users[account]);
    }

    /// <summary>The legs of a call at an instant: as first recorded without one, as served in live mode with one.</summary>
    private IReadOnlyList<KazooLeg> LegsAt(long callIndex, DateTimeOffset? now)
    {
        if (now is not { } at)
        {
            return LegsOf(callIndex);
        }

        if (_data.GetCallAt(callIndex, at) is not { } call)
        {
            return [];
        }

        var legs = Build(call);
        if (!_data.IsLive)
        {
            return legs;
        }

        // Leg timestamps grow with the leg, so the legs served are always the first ones.
        var latest = Gregorian(at);
        var count = 0;
        while (count < legs.Length && legs[count].Timestamp <= latest)
        {
            count++;
        }

        return count == legs.Length ? legs : legs[..count];
    }

    /// <summary>In live mode nothing is stamped after now: a listing's end never needs to go past it.</summary>
    private long ClampTo(long to, DateTimeOffset? now) => now is { } at && _data.IsLive ? Math.Min(to, Gregorian(at)) : to;

    private IEnumerable<KazooLeg> Legs(string accountId, string? ownerId, long from, long to, bool ascending, DateTimeOffset? now) =>
        ascending ? LegsAscending(accountId, ownerId, from, ClampTo(to, now), now) : LegsDescending(accountId, ownerId, from, ClampTo(to, now), now);

    private IEnumerable<KazooLeg> Interactions(string accountId, string? ownerId, long from, long to, bool ascending, DateTimeOffset? now)
    {
        var first = _data.CallIndexAtOrAfter(Instant(from));
        var end = _data.CallIndexAtOrAfter(Instant(ClampTo(to, now) + 1));
        for (var i = 0L; i < end - first; i++)
        {
            var index = ascending ? first + i : end - 1 - i;
            if (AccountOf(index) != accountId)
            {
                continue;
            }

            var legs = LegsAt(index, now);
            if (legs.Count > 0 && (ownerId is null || legs[0].OwnerId == ownerId))
            {
                yield return legs[0];
            }
        }
    }

    private KazooLeg? FindByCdrId(string cdrId, DateTimeOffset? now)
    {
        if (KazooLegBuilder.Parse(cdrId) is not { } id)
        {
            return null;
        }

        var legs = LegsAt(id.CallIndex, now);
        return id.LegIndex < legs.Count && legs[id.LegIndex].CdrId == cdrId ? legs[id.LegIndex] : null;
    }

    private IReadOnlyList<KazooLeg> FindInteraction(string interactionId, DateTimeOffset? now)
    {
        var dash = interactionId.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !long.TryParse(interactionId.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var time))
        {
            return [];
        }

        var key = interactionId[(dash + 1)..];
        var first = _data.CallIndexAtOrAfter(Instant(time));
        var end = _data.CallIndexAtOrAfter(Instant(time + 1));
        for (var index = first; index < end; index++)
        {
            // The interaction key is the first 8 characters of the seed call's id.
            if (key.Length == 8 && _data.GetCall(index).Id.StartsWith(key, StringComparison.Ordinal))
            {
                return LegsAt(index, now);
            }
        }

        return [];
    }

    private IEnumerable<KazooLeg> LegsAscending(string accountId, string? ownerId, long from, long to, DateTimeOffset? now)
    {
        var queue = new PriorityQueue<KazooLeg, (long, long, int)>();
        for (var index = _data.CallIndexAtOrAfter(Instant(from) - MaxLegSpan); ; index++)
        {
            var start = Gregorian(_data.CallStartedAt(index));
            // Every leg of this call and of later calls is stamped at or after this start.
            while (queue.TryPeek(out var ready, out var key) && key.Item1 < start)
            {
                queue.Dequeue();
                yield return ready;
            }

            if (start > to)
            {
                break;
            }

            Enqueue(queue, index, accountId, ownerId, from, to, now);
        }

        while (queue.TryDequeue(out var leg, out _))
        {
            yield return leg;
        }
    }

    private IEnumerable<KazooLeg> LegsDescending(string accountId, string? ownerId, long from, long to, DateTimeOffset? now)
    {
        var queue = new PriorityQueue<KazooLeg, (long, long, int)>(Comparer<(long, long, int)>.Create((a, b) => b.CompareTo(a)));
        var span = (long)MaxLegSpan.TotalSeconds;
        var end = _data.CallIndexAtOrAfter(Instant(to + 1));
        for (var index = end - 1; index >= 0; index--)
        {
            var start = Gregorian(_data.CallStartedAt(index));
            // Every leg of this call and of earlier calls is stamped at or before start + span.
            while (queue.TryPeek(out var ready, out var key) && key.Item1 > start + span)
            {
                queue.Dequeue();
                yield return ready;
            }

            if (start + span < from)
            {
                break;
            }

            Enqueue(queue, index, accountId, ownerId, from, to, now);
        }

        while (queue.TryDequeue(out var leg, out _))
        {
            yield return leg;
        }
    }

    private void Enqueue(PriorityQueue<KazooLeg, (long, long, int)> queue, long callIndex, string accountId, string? ownerId, long from, long to, DateTimeOffset? now)
    {
        if (AccountOf(callIndex) != accountId)
        {
            return;
        }

        foreach (var leg in LegsAt(callIndex, now))
        {
            if (leg.Timestamp >= from && leg.Timestamp <= to && (ownerId is null || leg.OwnerId == ownerId))
            {
                queue.Enqueue(leg, leg.SortKey);
            }
        }
    }
}
