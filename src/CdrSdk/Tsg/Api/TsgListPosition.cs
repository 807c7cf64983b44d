namespace CdrSdk.Tsg.Api;

/// <summary>The continuation state of a TSG listing: the server's cursor and the page size.</summary>
internal sealed class TsgListPosition
{
    public string? Cursor { get; set; }

    public int? Limit { get; set; }
}
