using System.Collections;
using System.Globalization;

namespace CdrSdk.Core.Http;

/// <summary>
/// Query parameters whose keys are only known at run time (Kazoo <c>filter_{key}</c>, Voiso's <c>key[]</c> or
/// repeated <c>key</c>): the one dictionary-style parameter of a provider's Refit method, written into the query
/// by <see cref="QueryParametersConverter"/>. Keys may repeat and keep their order. Refit escapes keys and values
/// per RFC 3986 (<c>+1312</c> travels as <c>%2B1312</c>, <c>duration[gte]</c> as <c>duration%5Bgte%5D</c>, which
/// servers decode to the same key).
/// </summary>
internal sealed class QueryParameters : IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public int Count => _pairs.Count;

    public KeyValuePair<string, string> this[int index] => _pairs[index];

    /// <summary>Adds a parameter (repeated keys are kept, in order).</summary>
    public QueryParameters Add(string key, string value)
    {
        _pairs.Add(new(key, value));
        return this;
    }

    /// <summary>Adds a parameter when the value is not null.</summary>
    public QueryParameters AddIfNotNull(string key, string? value) => value is null ? this : Add(key, value);

    /// <summary>Adds an integer parameter when it has a value.</summary>
    public QueryParameters AddIfNotNull(string key, long? value) =>
        value is { } v ? Add(key, v.ToString(CultureInfo.InvariantCulture)) : this;

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
