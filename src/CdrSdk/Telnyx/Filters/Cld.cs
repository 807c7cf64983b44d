namespace CdrSdk.Telnyx;

/// <summary>Criteria on the called number (<c>cld</c>, <c>cld_filter</c>).</summary>
public static class Cld
{
    /// <summary>The called number contains <paramref name="number"/>.</summary>
    /// <param name="number">The digits to look for, for example <c>555</c>.</param>
    /// <returns>The criterion.</returns>
    public static FilterCriterion Contains(string number) => FilterCriterion.ForCld(number, NumberMatch.Contains, nameof(number));

    /// <summary>The called number starts with <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The prefix, for example <c>+1312</c>.</param>
    /// <returns>The criterion.</returns>
    public static FilterCriterion StartsWith(string prefix) => FilterCriterion.ForCld(prefix, NumberMatch.StartsWith, nameof(prefix));

    /// <summary>The called number ends with <paramref name="suffix"/>.</summary>
    /// <param name="suffix">The suffix, for example <c>0100</c>.</param>
    /// <returns>The criterion.</returns>
    public static FilterCriterion EndsWith(string suffix) => FilterCriterion.ForCld(suffix, NumberMatch.EndsWith, nameof(suffix));

    /// <summary>The called number matches <paramref name="number"/> as <paramref name="match"/> says.</summary>
    /// <param name="number">The digits to match.</param>
    /// <param name="match">How to match.</param>
    /// <returns>The criterion.</returns>
    public static FilterCriterion Matches(string number, NumberMatch match) => FilterCriterion.ForCld(number, match, nameof(number));
}
