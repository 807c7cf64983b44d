namespace CdrSdk.Telnyx;

/// <summary>A filter list that has reached an <c>or</c>: only <c>Or</c> can follow (Telnyx rule). Immutable.</summary>
public sealed class OrFilterChain
{
    private readonly ReportFilter[] _filters;

    internal OrFilterChain(ReportFilter[] filters)
    {
        _filters = filters;
    }

    /// <summary>Adds an <c>or</c> filter.</summary>
    /// <param name="criterion">The criterion.</param>
    /// <returns>A new chain; this one is unchanged.</returns>
    public OrFilterChain Or(FilterCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return new OrFilterChain([.. _filters, criterion.ToFilter(ReportFilterType.Or)]);
    }

    /// <summary>The finished list, valid by construction.</summary>
    /// <returns>The filters in order.</returns>
    public IReadOnlyList<ReportFilter> Build() => _filters.ToArray();

    /// <summary>Converts a chain to its finished list.</summary>
    /// <param name="chain">The chain.</param>
    public static implicit operator ReportFilter[](OrFilterChain chain) => chain?._filters.ToArray() ?? [];

    /// <summary>Describes the chain.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Join(", ", _filters.Select(f => f.ToString()));
}
