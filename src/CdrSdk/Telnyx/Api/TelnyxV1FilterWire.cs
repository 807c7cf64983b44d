namespace CdrSdk.Telnyx.Api;

/// <summary>A filter as v1 sends it (<c>tags_list</c> is an array).</summary>
internal sealed class TelnyxV1FilterWire
{
    public required string FilterType { get; set; }

    public string? Cli { get; set; }

    public string? CliFilter { get; set; }

    public string? Cld { get; set; }

    public string? CldFilter { get; set; }

    public IReadOnlyList<string>? TagsList { get; set; }
}
