namespace CdrSdk.Telnyx;

/// <summary>Criteria on the tags of the number or connection (<c>tags_list</c>).</summary>
public static class Tags
{
    /// <summary>Records carrying any of the given tags. API v2 accepts exactly one tag per filter.</summary>
    /// <param name="tags">One or more non-empty tags.</param>
    /// <returns>The criterion.</returns>
    public static FilterCriterion Any(params string[] tags) => FilterCriterion.ForTags(tags);

    /// <summary>Records carrying any of the given tags. API v2 accepts exactly one tag per filter.</summary>
    /// <param name="tags">One or more non-empty tags.</param>
    /// <returns>The criterion.</returns>
    public static FilterCriterion Any(IEnumerable<string> tags) => FilterCriterion.ForTags(tags);
}
