namespace CdrSdk.Voiso.Api;

/// <summary>Where a Voiso listing stands: an offset (within the first 10,000 records) or the server's cursor, and the page size.</summary>
internal sealed class VoisoListPosition
{
    public int Offset { get; set; }

    public string? Cursor { get; set; }

    public int Limit { get; set; }
}
