namespace CdrSdk.Tsg.Api;

/// <summary>The variables of the <c>cdrRecords</c> query.</summary>
internal sealed class TsgCdrRecordsVariables
{
    public required string Type { get; init; }

    public required string StartDatetime { get; init; }

    public required string EndDatetime { get; init; }

    public string? CompanyId { get; init; }

    public int? Limit { get; init; }

    public string? Cursor { get; init; }
}
