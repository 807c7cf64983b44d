using CdrSdk.Core.Http;

namespace CdrSdk.Kazoo;

/// <summary>The Kazoo client of one <see cref="CdrClient"/>.</summary>
internal sealed class KazooClient : IKazooClient
{
    public KazooClient(ClientRuntime runtime)
    {
        var options = runtime.Options.Kazoo;
        var transport = runtime.CreateTransport(CdrProvider.Kazoo, options.BaseAddress!);
        var cdrs = new KazooCdrs(transport, options);
        Cdrs = cdrs;
        Interactions = new KazooInteractions(transport, options, cdrs);
    }

    public IKazooCdrs Cdrs { get; }

    public IKazooInteractions Interactions { get; }

    public override string ToString() => "KazooClient";
}
