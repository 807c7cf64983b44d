namespace CdrSdk.Telnyx;

/// <summary>A filter list whose filters are all <c>and</c> so far: it can continue with <c>And</c> or <c>Or</c>. Immutable.</summary>
public sealed class AndFilterChain
{
    private readonly ReportFilter[] _filters;

    internal AndFilterChain(ReportFilter[] filters)
    {
        _filters = filters;
    }

    /// <summary>Adds an <c>and</c> filter.</summary>
    /// <param name="criterion">The criterion.</param>
    /// <returns>A new chain; this one is unchanged.</returns>
    public AndFilterChain And(FilterCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return new AndFilterChain([.. _filters, criterion.ToFilter(ReportFilterType.And)]);
    }

    /// <summary>Adds an <c>or</c> filter; from here on only <c>Or</c> can follow.</summary>
    /// <param name="criterion">The criterion.</param>
    /// <returns>A chain that accepts only <c>Or</c>.</returns>
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
    public static implicit operator ReportFilter[](AndFilterChain chain) => chain?._filters.ToArray() ?? [];

    /// <summary>Describes the chain, for example <c>and cli starts_with '+1312', and cld contains '555'</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Join(", ", _filters.Select(f => f.ToString()));
}
