namespace CdrSdk.Kazoo.Api;

/// <summary><c>PUT /api_auth</c> body: <c>{"data":{"api_key":"..."}}</c>.</summary>
internal sealed class KazooApiAuthRequest
{
    public required KazooApiAuthData Data { get; set; }
}
