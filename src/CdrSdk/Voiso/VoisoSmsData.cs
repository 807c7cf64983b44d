using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso;

/// <summary>The <c>data</c> of an SMS record.</summary>
public sealed class VoisoSmsData : VoisoCdrData
{
    /// <summary><c>from_phone_number</c>.</summary>
    public string? FromPhoneNumber { get; set; }

    /// <summary><c>to_phone_number</c>.</summary>
    public string? ToPhoneNumber { get; set; }

    /// <summary><c>message_parts</c>: the number of parts.</summary>
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? MessageParts { get; set; }
}
