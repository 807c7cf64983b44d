using Refit;

namespace CdrSdk.Core.Http;

/// <summary>Writes <see cref="QueryParameters"/> into a generated Refit request, in order, each key and value escaped by Refit.</summary>
internal sealed class QueryParametersConverter : IQueryConverter<QueryParameters>
{
    public void Flatten(QueryParameters value, string keyPrefix, ref GeneratedQueryStringBuilder builder, RefitSettings settings)
    {
        foreach (var (key, text) in value)
        {
            builder.Add(keyPrefix + key, text, preEncoded: false);
        }
    }
}
