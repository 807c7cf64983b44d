namespace CdrSdk.Kazoo.Api;

/// <summary>The data of an <c>api_auth</c> request.</summary>
internal sealed class KazooApiAuthData
{
    public required string ApiKey { get; set; }
}
