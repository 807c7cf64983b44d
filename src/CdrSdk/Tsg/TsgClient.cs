using CdrSdk.Core.Http;

namespace CdrSdk.Tsg;

/// <summary>The TSG client of one <see cref="CdrClient"/>.</summary>
internal sealed class TsgClient : ITsgClient
{
    public TsgClient(ClientRuntime runtime)
    {
        var options = runtime.Options.Tsg;
        Cdrs = new TsgCdrs(runtime.CreateTransport(CdrProvider.Tsg, options.EffectiveBaseAddress), new DownloadClient(runtime), options);
    }

    public ITsgCdrs Cdrs { get; }

    public override string ToString() => "TsgClient";
}
