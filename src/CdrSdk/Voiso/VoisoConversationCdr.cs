namespace CdrSdk.Voiso;

/// <summary>A digital conversation record (<c>type</c> = <c>conversation</c>).</summary>
public sealed class VoisoConversationCdr : VoisoCdr
{
    /// <summary>The conversation's fields.</summary>
    public VoisoConversationData Data { get; set; } = new();
}
