namespace CdrSdk.Kazoo.Api;

/// <summary><c>PUT /user_auth</c> body: <c>{"data":{"credentials":"md5(user:pass)","account_name":"..."}}</c>.</summary>
internal sealed class KazooUserAuthRequest
{
    public required KazooUserAuthData Data { get; set; }
}
