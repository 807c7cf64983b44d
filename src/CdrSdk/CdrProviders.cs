using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk;

/// <summary>
/// The one list of provider modules. Adding a provider is a folder with its module (and its partial
/// <see cref="CdrClient"/>, <see cref="ICdrClient"/> and <see cref="CdrClientOptions"/> members) plus one line here.
/// </summary>
internal static class CdrProviders
{
    /// <summary>Every module, in the order options are validated and described.</summary>
    public static readonly IReadOnlyList<ICdrProviderModule> All =
    [
        new TelnyxModule(),
        new VoisoModule(),
        new TsgModule(),
        new KazooModule(),
    ];

    /// <summary>The module of <paramref name="provider"/>.</summary>
    public static ICdrProviderModule Get(CdrProvider provider) =>
        All.FirstOrDefault(m => m.Provider == provider) ?? throw new ArgumentOutOfRangeException(nameof(provider), provider, "No module is registered for this provider.");

    /// <summary>The provider's name in messages (<c>TSG</c>, not the enum name <c>Tsg</c>).</summary>
    public static string DisplayName(this CdrProvider provider) => Get(provider).DisplayName;
}
