namespace CdrSdk.Telnyx.Api;

/// <summary>The continuation state of a report listing: the next page number and the page size it belongs to.</summary>
internal sealed class TelnyxListPosition
{
    public int Page { get; set; }

    public int Size { get; set; }
}
