namespace CdrSdk.Telnyx.Api;

/// <summary>A filter as v2 sends it (<c>tags_list</c> is one string; <c>billing_group</c> exists).</summary>
internal sealed class TelnyxV2FilterWire
{
    public required string FilterType { get; set; }

    public string? Cli { get; set; }

    public string? CliFilter { get; set; }

    public string? Cld { get; set; }

    public string? CldFilter { get; set; }

    public string? TagsList { get; set; }

    public string? BillingGroup { get; set; }
}
