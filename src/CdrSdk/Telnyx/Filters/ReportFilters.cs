namespace CdrSdk.Telnyx;

/// <summary>
/// Entry point of the fluent filter builder. The types make the Telnyx ordering rules impossible to break:
/// <see cref="Where(FilterCriterion)"/> starts with an <c>and</c> filter, <see cref="AndFilterChain"/> offers
/// <c>And</c> and <c>Or</c>, and after the first <c>Or</c> only <see cref="OrFilterChain.Or(FilterCriterion)"/>
/// compiles.
/// </summary>
/// <example>
/// <code>
/// IReadOnlyList&lt;ReportFilter&gt; filters = ReportFilters.Where(Cli.StartsWith("+1312"))
///                                                   .And(Cld.Contains("555"))
///                                                   .Or(Tags.Any("vip"))
///                                                   .Build();
/// </code>
/// </example>
public static class ReportFilters
{
    /// <summary>Starts a filter list with its first (<c>and</c>) filter.</summary>
    /// <param name="criterion">The first criterion.</param>
    /// <returns>A chain that accepts <c>And</c> and <c>Or</c>.</returns>
    public static AndFilterChain Where(FilterCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return new AndFilterChain([criterion.ToFilter(ReportFilterType.And)]);
    }

    /// <summary>
    /// Checks a filter list built any other way (deserialized, from configuration) against every rule, for the
    /// given API version.
    /// </summary>
    /// <param name="filters">The list; <see langword="null"/> or empty is valid (no filtering).</param>
    /// <param name="apiVersion">The API version the list will be sent to (v2 allows billing groups, one tag per filter).</param>
    /// <returns>Every broken rule, each naming the filter (<c>Filters[2].FilterType</c>) and what is allowed; empty when valid.</returns>
    public static IReadOnlyList<CdrValidationError> Validate(IReadOnlyList<ReportFilter>? filters, TelnyxApiVersion apiVersion = TelnyxApiVersion.V1)
    {
        var errors = new List<CdrValidationError>();
        ReportFilterValidator.Validate(filters, apiVersion, "Filters", errors);
        return errors;
    }

    /// <summary>Throws a <see cref="CdrValidationException"/> listing every broken rule of the list, if any.</summary>
    /// <param name="filters">The list to check.</param>
    /// <param name="apiVersion">The API version the list will be sent to.</param>
    public static void ThrowIfInvalid(IReadOnlyList<ReportFilter>? filters, TelnyxApiVersion apiVersion = TelnyxApiVersion.V1)
    {
        var errors = Validate(filters, apiVersion);
        if (errors.Count > 0)
        {
            throw new CdrValidationException(errors);
        }
    }
}
