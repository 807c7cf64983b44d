using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CdrSdk;

/// <summary>
/// The id of a record whose provider gives none: <c>h1:{kind}:{32 hex digits}</c>, the first 128 bits of the SHA-256
/// of the record's identifying fields (who, to whom, when, what kind: never status, cost, duration or outcome, which
/// change while a record settles). The same fields give the same id in every process, on every machine, in every
/// version that keeps rule <c>h1</c>; docs/unified-records.md lists the fields per provider.
/// </summary>
/// <remarks>
/// Two records whose identifying fields are all equal (the same sender, receiver and instant, to the provider's
/// precision) get the same id: they cannot be told apart by content, and a store keyed by id keeps one of them.
/// </remarks>
internal static class DerivedRecordId
{
    /// <summary>The prefix every derived id starts with; provider ids never do.</summary>
    public const string Prefix = "h1:";

    /// <summary>The derived id of a record of <paramref name="kind"/> with the given identifying fields, in a fixed order.</summary>
    public static string Create(string kind, params ReadOnlySpan<string?> fields)
    {
        // Each field is written with its length, and null apart from empty, so no two field lists share an encoding.
        var canonical = new StringBuilder(kind.Length + (fields.Length * 24)).Append(kind);
        foreach (var field in fields)
        {
            canonical.Append('|');
            if (field is null)
            {
                canonical.Append('-');
            }
            else
            {
                canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
            }
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()), hash);
        return Prefix + kind + ":" + Convert.ToHexString(hash[..16]).ToLowerInvariant();
    }

    /// <summary>An instant as exact text (UTC ticks), so the offset it was written with does not change the id.</summary>
    public static string? Instant(DateTimeOffset? value) => value?.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
