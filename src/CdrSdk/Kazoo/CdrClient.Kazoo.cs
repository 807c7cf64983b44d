using CdrSdk.Kazoo;

namespace CdrSdk;

/// <summary>The Kazoo part of the client.</summary>
public sealed partial class CdrClient
{
    /// <inheritdoc />
    public IKazooClient Kazoo => Client<IKazooClient>(CdrProvider.Kazoo);
}
