namespace CdrSdk.Paging;

/// <summary>One page of a paged sequence: its values and the token to continue after it.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class Page<T>
{
    private Page(IReadOnlyList<T> values, string? continuationToken)
    {
        Values = values;
        ContinuationToken = continuationToken;
    }

    /// <summary>The records of this page, in the provider's order.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>
    /// The token that continues <em>after</em> this page, or <see langword="null"/> on the last page. It is a
    /// plain string: store it (file, database) and pass it to
    /// <see cref="AsyncPageable{T}.AsPages(string?, int?)"/> later, even in another process, to resume with the
    /// next page without losing or repeating a record.
    /// </summary>
    public string? ContinuationToken { get; }

    /// <summary>Creates a page (for tests and custom paginators).</summary>
    /// <param name="values">The page's records.</param>
    /// <param name="continuationToken">The token to continue after this page; <see langword="null"/> on the last page.</param>
    /// <returns>The page.</returns>
    public static Page<T> FromValues(IReadOnlyList<T> values, string? continuationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Page<T>(values, continuationToken);
    }
}
