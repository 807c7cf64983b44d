namespace CdrSdk.Tsg.Api;

/// <summary>A GraphQL request body: the document and its variables.</summary>
internal sealed class TsgGraphQLRequest
{
    public required string Query { get; init; }

    public required TsgCdrRecordsVariables Variables { get; init; }
}
