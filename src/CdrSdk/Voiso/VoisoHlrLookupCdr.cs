namespace CdrSdk.Voiso;

/// <summary>An HLR lookup record (<c>type</c> = <c>hlr_lookup</c>).</summary>
public sealed class VoisoHlrLookupCdr : VoisoCdr
{
    /// <summary>The lookup's fields.</summary>
    public VoisoHlrLookupData Data { get; set; } = new();
}
