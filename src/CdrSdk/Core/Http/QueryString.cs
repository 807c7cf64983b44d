using System.Globalization;
using System.Text;

namespace CdrSdk.Core.Http;

/// <summary>
/// Builds a query string in one place: keys keep brackets literal (<c>duration[gte]</c>, <c>type[]</c>), values
/// are percent-encoded per RFC 3986 (so <c>+1312</c> travels as <c>%2B1312</c>, never as a space).
/// </summary>
internal sealed class QueryString
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    /// <summary>The parameters in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>Adds a parameter (repeated keys are kept, in order).</summary>
    public QueryString Add(string key, string value)
    {
        _pairs.Add(new(key, value));
        return this;
    }

    /// <summary>Adds a parameter when the value is not null.</summary>
    public QueryString AddIfNotNull(string key, string? value) => value is null ? this : Add(key, value);

    /// <summary>Adds an integer parameter when it has a value.</summary>
    public QueryString AddIfNotNull(string key, long? value) =>
        value is { } v ? Add(key, v.ToString(CultureInfo.InvariantCulture)) : this;

    /// <summary>Renders <c>?a=1&amp;b=2</c>, or an empty string when there are no parameters.</summary>
    public override string ToString()
    {
        if (_pairs.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var (key, value) in _pairs)
        {
            builder.Append(builder.Length == 0 ? '?' : '&');
            AppendEscapedKey(builder, key);
            builder.Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    private static void AppendEscapedKey(StringBuilder builder, string key)
    {
        var start = 0;
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] is '[' or ']')
            {
                builder.Append(Uri.EscapeDataString(key[start..i])).Append(key[i]);
                start = i + 1;
            }
        }

        builder.Append(Uri.EscapeDataString(key[start..]));
    }
}
