using CdrSdk.Core.Http;

namespace CdrSdk.Tsg.Api;

/// <summary>The Refit settings of every <see cref="ITsgApi"/> call: request bodies from <see cref="TsgJsonContext"/>.</summary>
internal static class TsgApiSettings
{
    public static readonly Refit.RefitSettings Value = RefitClients.Settings(TsgJsonContext.Wire);
}
