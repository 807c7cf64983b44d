using System.Text.Json.Serialization;

namespace CdrSdk.Paging;

/// <summary>Where a listing cut into windows stands: the window length, the window, and the inner token inside it.</summary>
internal sealed class WindowPosition
{
    /// <summary>The window length in seconds; with the query's range it gives the same windows again.</summary>
    [JsonPropertyName("s")]
    public long WindowSeconds { get; set; }

    /// <summary>The window to continue in, counted in listing order.</summary>
    [JsonPropertyName("w")]
    public int Window { get; set; }

    /// <summary>The provider token inside that window; <see langword="null"/> at its start.</summary>
    [JsonPropertyName("i")]
    public string? Inner { get; set; }
}
