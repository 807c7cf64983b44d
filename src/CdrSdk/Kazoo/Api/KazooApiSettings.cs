using CdrSdk.Core.Http;

namespace CdrSdk.Kazoo.Api;

/// <summary>The Refit settings of every <see cref="IKazooApi"/> call: request bodies from <see cref="KazooJsonContext"/>.</summary>
internal static class KazooApiSettings
{
    public static readonly Refit.RefitSettings Value = RefitClients.Settings(KazooJsonContext.Wire);
}
