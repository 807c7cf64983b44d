namespace CdrSdk.Kazoo.Wire;

/// <summary>The Kazoo response envelope around a document or a list.</summary>
internal sealed class KazooEnvelope<T>
{
    public T? Data { get; set; }

    public string? Status { get; set; }

    public string? RequestId { get; set; }
}
