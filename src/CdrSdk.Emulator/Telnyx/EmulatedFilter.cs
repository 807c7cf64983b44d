namespace CdrSdk.Emulator.Telnyx;

/// <summary>One parsed report filter.</summary>
internal sealed record EmulatedFilter(string Type, string? Cli, string? CliFilter, string? Cld, string? CldFilter, IReadOnlyList<string>? Tags, string? BillingGroup)
{
    public bool Matches(string from, string to, IReadOnlyList<string> tags, string billingGroup)
    {
        if (Cli is not null)
        {
            return Match(from, Cli, CliFilter);
        }

        if (Cld is not null)
        {
            return Match(to, Cld, CldFilter);
        }

        if (Tags is not null)
        {
            return Tags.Any(t => tags.Contains(t, StringComparer.OrdinalIgnoreCase));
        }

        return BillingGroup is not null && string.Equals(BillingGroup, billingGroup, StringComparison.OrdinalIgnoreCase);
    }

    private static bool Match(string value, string pattern, string? how) => how switch
    {
        "starts_with" => value.StartsWith(pattern, StringComparison.Ordinal),
        "ends_with" => value.EndsWith(pattern, StringComparison.Ordinal),
        _ => value.Contains(pattern, StringComparison.Ordinal),
    };
}
