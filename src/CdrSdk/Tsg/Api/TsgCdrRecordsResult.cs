namespace CdrSdk.Tsg.Api;

/// <summary><c>paginatedCdrResult</c>.</summary>
internal sealed class TsgCdrRecordsResult
{
    public string? ExportLink { get; init; }

    public TsgPaginationInfo? PaginationInfo { get; init; }

    public List<TsgCdr>? Cdrs { get; init; }
}
