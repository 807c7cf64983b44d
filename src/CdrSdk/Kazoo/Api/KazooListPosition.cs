namespace CdrSdk.Kazoo.Api;

/// <summary>
/// Where a Kazoo listing stands: the whole range (inclusive gregorian seconds, or none for the server default),
/// the window being listed, and inside it the server's <c>start_key</c> (paginated) or the number of items
/// already delivered (unpaginated). The range travels in the token, so a resumed listing covers exactly the
/// same windows even when the original range ended "now".
/// </summary>
internal sealed class KazooListPosition
{
    public long? From { get; set; }

    public long? To { get; set; }

    public int Window { get; set; }

    public string? StartKey { get; set; }

    public long Skip { get; set; }

    public bool Ascending { get; set; }

    /// <summary>The window length in seconds, when windows were cut smaller than the server maximum (concurrent listings).</summary>
    public long? WindowSeconds { get; set; }
}
