namespace CdrSdk.Voiso;

/// <summary>The <c>data</c> of an HLR lookup record.</summary>
public sealed class VoisoHlrLookupData : VoisoCdrData
{
    /// <summary><c>to_phone_number</c>: the number looked up.</summary>
    public string? ToPhoneNumber { get; set; }

    /// <summary><c>network</c>: the network the number belongs to.</summary>
    public string? Network { get; set; }

    /// <summary><c>status</c>: the lookup's status as sent.</summary>
    public string? Status { get; set; }
}
