namespace CdrSdk.Kazoo.Api;

/// <summary>The data of a <c>user_auth</c> request.</summary>
internal sealed class KazooUserAuthData
{
    public required string Credentials { get; set; }

    public required string AccountName { get; set; }
}
