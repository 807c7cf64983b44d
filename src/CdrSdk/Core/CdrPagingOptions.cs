namespace CdrSdk;

/// <summary>How paginators fetch pages, for every provider.</summary>
public sealed class CdrPagingOptions
{
    /// <summary>
    /// How many pages a paginator fetches ahead of the caller: while the caller works on one page, the next is
    /// already being fetched. Order and exactness are unchanged; a failure of a page fetched ahead surfaces when
    /// the caller reaches it; stopping the enumeration cancels the fetch. 0 (fetch on demand) to 8; default 1.
    /// </summary>
    public int PrefetchPages { get; set; } = 1;

    internal void Validate(string prefix, List<CdrValidationError> errors) =>
        OptionRules.InRange(errors, prefix + nameof(PrefetchPages), PrefetchPages, 0, 8);
}
