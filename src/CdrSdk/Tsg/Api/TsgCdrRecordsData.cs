namespace CdrSdk.Tsg.Api;

/// <summary>The <c>data</c> of a <c>cdrRecords</c> response.</summary>
internal sealed class TsgCdrRecordsData
{
    public TsgCdrRecordsResult? CdrRecords { get; init; }
}
