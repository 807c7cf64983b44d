namespace CdrSdk.Tsg;

/// <summary>The TSG Global GraphQL API.</summary>
public interface ITsgClient
{
    /// <summary>The <c>cdrRecords</c> query.</summary>
    ITsgCdrs Cdrs { get; }
}
