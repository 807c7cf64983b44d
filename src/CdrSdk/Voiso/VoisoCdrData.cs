using System.Text.Json;
using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso;

/// <summary>
/// The fields the type-specific <c>data</c> objects share. Ids are text even when sent as numbers; numbers are
/// read from numbers or numeric strings; fields this SDK does not know are kept in <see cref="AdditionalProperties"/>.
/// </summary>
public abstract class VoisoCdrData
{
    /// <summary>Creates the shared part (for derived types).</summary>
    protected VoisoCdrData()
    {
    }

    /// <summary><c>subtype</c>.</summary>
    public VoisoSubtype? Subtype { get; set; }

    /// <summary>
    /// <c>direction</c> (<c>inbound</c>, <c>outbound</c>), which some records carry instead of a direction in
    /// <see cref="Subtype"/>; <see cref="CallRecord.Direction"/> reads the subtype first, then this.
    /// </summary>
    public string? Direction { get; set; }

    /// <summary><c>disposition</c>.</summary>
    public VoisoDisposition? Disposition { get; set; }

    /// <summary><c>user_id</c>: the agent.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? UserId { get; set; }

    /// <summary><c>team_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? TeamId { get; set; }

    /// <summary><c>campaign_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? CampaignId { get; set; }

    /// <summary><c>external_account_id</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ExternalAccountId { get; set; }

    /// <summary><c>destination_country</c>.</summary>
    public string? DestinationCountry { get; set; }

    /// <summary><c>duration</c>: overall duration in seconds.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Duration { get; set; }

    /// <summary>Fields this SDK version does not map, as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
