namespace CdrSdk.Telnyx;

/// <summary>Criteria on the calling number (<c>cli</c>, <c>cli_filter</c>).</summary>
public static class Cli
{
    /// <summary>The calling number contains <paramref name="number"/>.</summary>
    /// <param name="number">The digits to look for, for example <c>555</c>.</param>
    /// <returns>The criterion.</returns>
    public static FilterCriterion Contains(string number) => FilterCriterion.ForCli(number, NumberMatch.Contains, nameof(number));

    /// <summary>The calling number starts with <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The prefix, for example <c>+1312</c>.</param>
    /// <returns>The criterion.</returns>
    public static FilterCriterion StartsWith(string prefix) => FilterCriterion.ForCli(prefix, NumberMatch.StartsWith, nameof(prefix));

    /// <summary>The calling number ends with <paramref name="suffix"/>.</summary>
    /// <param name="suffix">The suffix, for example <c>0100</c>.</param>
    /// <returns>The criterion.</returns>
    public static FilterCriterion EndsWith(string suffix) => FilterCriterion.ForCli(suffix, NumberMatch.EndsWith, nameof(suffix));

    /// <summary>The calling number matches <paramref name="number"/> as <paramref name="match"/> says.</summary>
    /// <param name="number">The digits to match.</param>
    /// <param name="match">How to match.</param>
    /// <returns>The criterion.</returns>
    public static FilterCriterion Matches(string number, NumberMatch match) => FilterCriterion.ForCli(number, match, nameof(number));
}
