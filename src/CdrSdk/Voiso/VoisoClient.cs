using CdrSdk.Core.Http;

namespace CdrSdk.Voiso;

/// <summary>The Voiso client of one <see cref="CdrClient"/>.</summary>
internal sealed class VoisoClient : IVoisoClient
{
    public VoisoClient(ClientRuntime runtime)
    {
        var options = runtime.Options.Voiso;
        Cdrs = new VoisoCdrs(runtime.CreateTransport(CdrProvider.Voiso, options.EffectiveBaseAddress!), options);
    }

    public IVoisoCdrs Cdrs { get; }

    public override string ToString() => "VoisoClient";
}
