namespace CdrSdk.Voiso;

/// <summary>A voice call record (<c>type</c> = <c>call</c>).</summary>
public sealed class VoisoCallCdr : VoisoCdr
{
    /// <summary>The call's fields.</summary>
    public VoisoCallData Data { get; set; } = new();
}
