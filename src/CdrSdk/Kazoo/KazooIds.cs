using System.Text.RegularExpressions;

namespace CdrSdk.Kazoo;

/// <summary>The documented shapes of Kazoo ids, checked before any request.</summary>
internal static partial class KazooIds
{
    public static void RequireAccountId(string accountId, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(accountId, parameterName);
        if (!HexId().IsMatch(accountId))
        {
            throw new ArgumentException($"'{Shorten(accountId)}' is not a Kazoo account id: expected 32 hexadecimal characters, for example 4b9c0f5d2e1a4f3b8c7d6e5f4a3b2c1d.", parameterName);
        }
    }

    public static bool IsHexId(string value) => HexId().IsMatch(value);

    public static void RequireUserId(string userId, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(userId, parameterName);
        if (!HexId().IsMatch(userId))
        {
            throw new ArgumentException($"'{Shorten(userId)}' is not a Kazoo user id: expected 32 hexadecimal characters.", parameterName);
        }
    }

    public static void RequireCdrId(string cdrId, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(cdrId, parameterName);
        if (!CdrId().IsMatch(cdrId))
        {
            throw new ArgumentException($"'{Shorten(cdrId)}' is not a Kazoo CDR id: expected YYYYMM-<call id>, for example 202411-3a4b5c6d-7e8f@10.0.0.1 (the id field of a listed CDR).", parameterName);
        }
    }

    public static void RequireInteractionId(string interactionId, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(interactionId, parameterName);
        if (!InteractionId().IsMatch(interactionId) && !CdrId().IsMatch(interactionId))
        {
            throw new ArgumentException($"'{Shorten(interactionId)}' is not a Kazoo interaction id: expected <gregorian seconds>-<key>, for example 63873504000-a1b2c3d4 (the interaction_id field of a CDR), or a CDR id YYYYMM-<call id>.", parameterName);
        }
    }

    private static string Shorten(string value) => value.Length > 80 ? value[..80] + "..." : value;

    [GeneratedRegex("^[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HexId();

    [GeneratedRegex("^[0-9]{4}(0[1-9]|1[0-2])-[^/\\s]+$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CdrId();

    [GeneratedRegex("^[0-9]{11,12}-[0-9A-Za-z]+$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InteractionId();
}
