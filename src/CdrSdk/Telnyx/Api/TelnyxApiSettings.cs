using CdrSdk.Core.Http;

namespace CdrSdk.Telnyx.Api;

/// <summary>The Refit settings of every <see cref="ITelnyxApi"/> call: request bodies from <see cref="TelnyxJsonContext"/>.</summary>
internal static class TelnyxApiSettings
{
    public static readonly Refit.RefitSettings Value = RefitClients.Settings(TelnyxJsonContext.Wire);
}
