namespace CdrSdk.Paging;

/// <summary>The paging settings of the client an endpoint belongs to, for paginators built on top of it.</summary>
internal interface IPagingSettings
{
    /// <summary>The paging options of the client.</summary>
    CdrPagingOptions Paging { get; }
}
