using System.Text.Json;

namespace CdrSdk.Tsg.Wire;

/// <summary>A GraphQL response: <c>data</c> (possibly partial) and <c>errors</c>.</summary>
internal sealed class TsgGraphQLResponse
{
    public TsgCdrRecordsData? Data { get; init; }

    public JsonElement Errors { get; init; }
}
