namespace CdrSdk.Voiso;

/// <summary>An SMS record (<c>type</c> = <c>sms</c>).</summary>
public sealed class VoisoSmsCdr : VoisoCdr
{
    /// <summary>The message's fields.</summary>
    public VoisoSmsData Data { get; set; } = new();
}
