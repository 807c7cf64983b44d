using CdrSdk.Paging;

namespace CdrSdk;

/// <summary>
/// The part every source shares: check the range, build the provider query for it, let the caller's
/// <c>configure</c> add filters, and set the range again so the callback cannot move it.
/// </summary>
/// <typeparam name="TQuery">The provider's query or request type.</typeparam>
internal abstract class CdrSource<TQuery> : ICdrSource
    where TQuery : class
{
    private readonly Func<TQuery, TQuery>? _configure;

    protected CdrSource(CdrProvider provider, Func<TQuery, TQuery>? configure)
    {
        Provider = provider;
        _configure = configure;
    }

    public CdrProvider Provider { get; }

    public AsyncPageable<CallRecord> ListAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        CdrSourceRange.Validate(Provider, since, until);
        var query = CreateQuery(since, until);
        query = WithRange(_configure?.Invoke(query) ?? query, since, until);
        return List(query, cancellationToken);
    }

    /// <summary>The provider query for the range, with the source's defaults.</summary>
    protected abstract TQuery CreateQuery(DateTimeOffset since, DateTimeOffset until);

    /// <summary>The query with its range set again.</summary>
    protected abstract TQuery WithRange(TQuery query, DateTimeOffset since, DateTimeOffset until);

    /// <summary>Lists the query's records as <see cref="CallRecord"/>s; checks the query before returning.</summary>
    protected abstract AsyncPageable<CallRecord> List(TQuery query, CancellationToken cancellationToken);
}
