namespace CdrSdk;

/// <summary>One error item reported by a provider (Telnyx <c>errors[]</c>, a GraphQL error, a field message).</summary>
public sealed record CdrApiError
{
    /// <summary>The provider's error code (always a string, even when the provider sent a number).</summary>
    public string? Code { get; init; }

    /// <summary>A short, human-readable summary.</summary>
    public string? Title { get; init; }

    /// <summary>The detailed explanation.</summary>
    public string? Detail { get; init; }

    /// <summary>The request field the error points to (JSON pointer, query parameter or GraphQL path), if any.</summary>
    public string? Source { get; init; }

    /// <summary>Formats the error for messages and logs.</summary>
    /// <returns>The code, title, detail and source that are present.</returns>
    public override string ToString()
    {
        var parts = new List<string>(4);
        if (!string.IsNullOrEmpty(Code))
        {
            parts.Add($"[{Code}]");
        }

        if (!string.IsNullOrEmpty(Title))
        {
            parts.Add(Title);
        }

        if (!string.IsNullOrEmpty(Detail) && !string.Equals(Detail, Title, StringComparison.Ordinal))
        {
            parts.Add(string.IsNullOrEmpty(Title) ? Detail : "- " + Detail);
        }

        if (!string.IsNullOrEmpty(Source))
        {
            parts.Add($"(at {Source})");
        }

        return string.Join(' ', parts);
    }
}
