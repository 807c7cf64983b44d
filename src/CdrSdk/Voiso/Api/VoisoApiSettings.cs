using CdrSdk.Core.Http;

namespace CdrSdk.Voiso.Api;

/// <summary>The Refit settings of every <see cref="IVoisoApi"/> call (no request body; the context is Voiso's).</summary>
internal static class VoisoApiSettings
{
    public static readonly Refit.RefitSettings Value = RefitClients.Settings(VoisoJsonContext.Wire);
}
