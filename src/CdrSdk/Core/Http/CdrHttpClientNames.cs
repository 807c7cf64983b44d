namespace CdrSdk.Core.Http;

/// <summary>The names of the <c>IHttpClientFactory</c> clients the SDK registers.</summary>
internal static class CdrHttpClientNames
{
    public const string Downloads = "CdrSdk.Downloads";

    public static string For(CdrProvider provider) => "CdrSdk." + provider;
}
