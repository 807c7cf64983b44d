namespace CdrSdk.Tsg.Api;

/// <summary><c>POST /account/login</c> body.</summary>
internal sealed class TsgLoginRequest
{
    public required string Email { get; init; }

    public required string Password { get; init; }
}
