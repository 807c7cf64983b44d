using System.Globalization;

namespace CdrSdk.Emulator.Kazoo;

/// <summary>Turns one seed call into its Kazoo legs (CDR documents): two, or three when the call was transferred.</summary>
internal static class KazooLegBuilder
{
    public static KazooLeg[] Build(SeedCall call, string account, IReadOnlyList<string> users)
    {
        var owner = users[(int)(call.Index / 2 % users.Count)];
        var transferTo = users[(int)((call.Index / 2 + 1) % users.Count)];
        var interactionTime = KazooDataSet.Gregorian(call.StartedAt);
        var key = call.Id[..8];
        var end = Stamp(call.EndedAt);

        // The document ids keep the month the CDRs were first written in, even when a revision moves the end.
        var firstEnd = Stamp(call.FirstEndedAt == default ? call.EndedAt : call.FirstEndedAt);
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
                CdrId = KazooDataSet.Instant(firstEnd + l).ToString("yyyyMM", CultureInfo.InvariantCulture) + "-" + callIds[l],
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

    /// <summary>The call index and leg of a CDR id (<c>YYYYMM-c{index}l{leg}-{8 hex}</c>, the prefix optional).</summary>
    public static (long CallIndex, int LegIndex)? Parse(string cdrId)
    {
        var dash = cdrId.IndexOf('-', StringComparison.Ordinal);
        var callId = dash > 0 ? cdrId[(dash + 1)..] : cdrId;
        if (!callId.StartsWith('c'))
        {
            return null;
        }

        var l = callId.IndexOf('l', StringComparison.Ordinal);
        var d = callId.IndexOf('-', StringComparison.Ordinal);
        return l < 2 || d < l || !long.TryParse(callId.AsSpan(1, l - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(callId.AsSpan(l + 1, d - l - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var legIndex)
            ? null
            : (index, legIndex);
    }

    /// <summary>Gregorian seconds of an end, rounded up to the whole second.</summary>
    private static long Stamp(DateTimeOffset end) => KazooDataSet.Gregorian(end) + (end.Millisecond > 0 ? 1 : 0);
}
