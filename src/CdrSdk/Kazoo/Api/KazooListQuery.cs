using Refit;

namespace CdrSdk.Kazoo.Api;

/// <summary>
/// The static query parameters of a Kazoo listing, flattened by Refit's generator (each set one in the order
/// below; a null one is left out). Booleans are strings: Kazoo reads <c>true</c>/<c>false</c>, and Refit would
/// write a <see cref="bool"/> as <c>True</c>.
/// </summary>
internal sealed class KazooListQuery
{
    /// <summary><c>created_from</c>: the first second of the window, inclusive (gregorian seconds).</summary>
    [AliasAs("created_from")]
    public long? CreatedFrom { get; init; }

    /// <summary><c>created_to</c>: the last second of the window, inclusive (gregorian seconds).</summary>
    [AliasAs("created_to")]
    public long? CreatedTo { get; init; }

    /// <summary><c>ascending=true</c> for oldest first; null for Kazoo's default (newest first).</summary>
    [AliasAs("ascending")]
    public string? Ascending { get; init; }

    /// <summary><c>utc_offset</c> in seconds.</summary>
    [AliasAs("utc_offset")]
    public long? UtcOffset { get; init; }

    /// <summary><c>paginate=false</c> for one streamed answer; null for pages.</summary>
    [AliasAs("paginate")]
    public string? Paginate { get; init; }

    /// <summary><c>page_size</c> of a paginated listing.</summary>
    [AliasAs("page_size")]
    public int? PageSize { get; init; }

    /// <summary><c>start_key</c>: the previous page's <c>next_start_key</c>, verbatim.</summary>
    [AliasAs("start_key")]
    public string? StartKey { get; init; }
}
