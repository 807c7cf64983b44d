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

    /// <summary>Every leg of one seed call.</summary>
    /// <param name="callIndex">The seed call's index.</param>
    /// <returns>Two or three legs.</returns>
    public IReadOnlyList<KazooLeg> LegsOf(long callIndex) => BuildLegs(_data.GetCall(callIndex));

    /// <summary>
    /// The legs of an account (or of one owner) whose timestamp is in [<paramref name="from"/>, <paramref name="to"/>]
    /// (gregorian seconds, inclusive), in listing order (timestamp, then call, then leg).
    /// </summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="ownerId">Only this user's legs, or all.</param>
    /// <param name="from">Inclusive start, gregorian seconds.</param>
    /// <param name="to">Inclusive end, gregorian seconds.</param>
    /// <param name="ascending">Oldest first.</param>
    /// <returns>The legs, generated lazily.</returns>
    public IEnumerable<KazooLeg> Legs(string accountId, string? ownerId, long from, long to, bool ascending) =>
        ascending ? LegsAscending(accountId, ownerId, from, to) : LegsDescending(accountId, ownerId, from, to);

    /// <summary>The interactions (A-legs) of an account (or owner) whose start is in [from, to], in order.</summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="ownerId">Only this user's interactions, or all.</param>
    /// <param name="from">Inclusive start, gregorian seconds.</param>
    /// <param name="to">Inclusive end, gregorian seconds.</param>
    /// <param name="ascending">Oldest first.</param>
    /// <returns>One leg per interaction, the A-leg.</returns>
    public IEnumerable<KazooLeg> Interactions(string accountId, string? ownerId, long from, long to, bool ascending)
    {
        var first = _data.CallIndexAtOrAfter(Instant(from));
        var end = _data.CallIndexAtOrAfter(Instant(to + 1));
        for (var i = 0L; i < end - first; i++)
        {
            var index = ascending ? first + i : end - 1 - i;
            if (AccountOf(index) != accountId)
            {
                continue;
            }

            var leg = LegsOf(index)[0];
            if (ownerId is null || leg.OwnerId == ownerId)
            {
                yield return leg;
            }
        }
    }

    /// <summary>Finds a leg by its CDR id.</summary>
    /// <param name="cdrId">The CDR id.</param>
    /// <returns>The leg, or null.</returns>
    public KazooLeg? FindByCdrId(string cdrId)
    {
        // Call ids are "c{index}l{leg}-{8 hex}"; the CDR id prefixes them with YYYYMM-.
        var dash = cdrId.IndexOf('-', StringComparison.Ordinal);
        var callId = dash > 0 ? cdrId[(dash + 1)..] : cdrId;
        if (!callId.StartsWith('c'))
        {
            return null;
        }

        var l = callId.IndexOf('l', StringComparison.Ordinal);
        var d = callId.IndexOf('-', StringComparison.Ordinal);
        if (l < 2 || d < l || !long.TryParse(callId.AsSpan(1, l - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(callId.AsSpan(l + 1, d - l - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var legIndex))
        {
            return null;
        }

        var legs = LegsOf(index);
        return legIndex < legs.Count && legs[legIndex].CdrId == cdrId ? legs[legIndex] : null;
    }

    /// <summary>Finds the legs of an interaction by its id.</summary>
    /// <param name="interactionId">The interaction id.</param>
    /// <returns>The legs, or none.</returns>
    public IReadOnlyList<KazooLeg> FindInteraction(string interactionId)
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
            var legs = LegsOf(index);
            if (legs[0].InteractionKey == key)
            {
                return legs;
            }
        }

        return [];
    }

    /// <summary>Gregorian seconds to an instant.</summary>
    /// <param name="gregorian">Gregorian seconds.</param>
    /// <returns>The instant.</returns>
    public static DateTimeOffset Instant(long gregorian) => DateTimeOffset.FromUnixTimeSeconds(gregorian - 62_167_219_200);

    /// <summary>An instant to gregorian seconds (rounded down).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Gregorian seconds.</returns>
    public static long Gregorian(DateTimeOffset instant) => instant.ToUnixTimeSeconds() + 62_167_219_200;

    private IEnumerable<KazooLeg> LegsAscending(string accountId, string? ownerId, long from, long to)
    {
        var queue = new PriorityQueue<KazooLeg, (long, long, int)>();
        for (var index = _data.CallIndexAtOrAfter(Instant(from) - MaxLegSpan); ; index++)
        {
            var call = _data.GetCall(index);
            var start = Gregorian(call.StartedAt);
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

            Enqueue(queue, call, accountId, ownerId, from, to, descending: false);
        }

        while (queue.TryDequeue(out var leg, out _))
        {
            yield return leg;
        }
    }

    private IEnumerable<KazooLeg> LegsDescending(string accountId, string? ownerId, long from, long to)
    {
        var queue = new PriorityQueue<KazooLeg, (long, long, int)>(Comparer<(long, long, int)>.Create((a, b) => b.CompareTo(a)));
        var span = (long)MaxLegSpan.TotalSeconds;
        var end = _data.CallIndexAtOrAfter(Instant(to + 1));
        for (var index = end - 1; index >= 0; index--)
        {
            var call = _data.GetCall(index);
            var start = Gregorian(call.StartedAt);
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

            Enqueue(queue, call, accountId, ownerId, from, to, descending: true);
        }

        while (queue.TryDequeue(out var leg, out _))
        {
            yield return leg;
        }
    }

    private static void Enqueue(PriorityQueue<KazooLeg, (long, long, int)> queue, SeedCall call, string accountId, string? ownerId, long from, long to, bool descending)
    {
        if (AccountOf(call.Index) != accountId)
        {
            return;
        }

        foreach (var leg in BuildLegs(call))
        {
            if (leg.Timestamp >= from && leg.Timestamp <= to && (ownerId is null || leg.OwnerId == ownerId))
            {
                queue.Enqueue(leg, leg.SortKey);
            }
        }

        _ = descending;
    }

    private static KazooLeg[] BuildLegs(SeedCall call)
    {
        var account = AccountOf(call.Index);
        var users = Users[account];
        var owner = users[(int)(call.Index / 2 % users.Length)];
        var transferTo = users[(int)((call.Index / 2 + 1) % users.Length)];
        var interactionTime = Gregorian(call.StartedAt);
        var key = call.Id[..8];
        var end = Gregorian(call.EndedAt) + (call.EndedAt.Millisecond > 0 ? 1 : 0);
        var transferred = call.Index % 5 == 0 && call.Disposition == "answered";
        var legCount = transferred ? 3 : 2;
        var callIds = Enumerable.Range(0, legCount).Select(l => $"c{call.Index.ToString(CultureInfo.InvariantCulture)}l{l}-{key}").ToArray();
        var legs = new KazooLeg[legCount];
        for (var l = 0; l < legCount; l++)
        {
            var timestamp = end + l;
            legs[l] = new KazooLeg
            {
                CallIndex = call.Index,
                LegIndex = l,
                AccountId = account,
                OwnerId = l == 2 ? transferTo : owner,
                CallId = callIds[l],
                CdrId = Instant(timestamp).ToString("yyyyMM", CultureInfo.InvariantCulture) + "-" + callIds[l],
                InteractionTime = interactionTime,
                InteractionKey = key,
                Timestamp = timestamp,
                DurationSeconds = l == 0 ? call.DurationSeconds : l == 1 ? call.DurationSeconds - (transferred ? call.TalkSeconds / 2 : 0) : call.TalkSeconds / 2,
                BillingSeconds = l == 0 ? call.TalkSeconds : l == 1 ? call.TalkSeconds - (transferred ? call.TalkSeconds / 2 : 0) : call.TalkSeconds / 2,
                RingingSeconds = l == 2 ? 2 : call.RingSeconds,
                CallDirection = l == 0 ? "inbound" : "outbound",
                CallerIdNumber = call.From,
                CallerIdName = "Caller " + call.From[^4..],
                CalleeIdNumber = call.To,
                CalleeIdName = "Callee " + call.To[^4..],
                HangupCause = call.HangupCause,
                OtherLegCallId = call.Disposition == "answered" ? callIds[l == 0 ? 1 : 0] : null,
                BridgeId = callIds[0],
                CostUnits = l == 0 ? (long)Math.Round(call.Cost * 10_000m) : 0,
                Rate = l == 0 ? call.Rate : 0m,
                IsFax = call.Index % 17 == 3 && l == 0,
            };
        }

        return legs;
    }
}
