namespace CdrSdk.Tsg.Wire;

/// <summary><c>POST /account/login</c> body.</summary>
internal sealed class TsgLoginRequest
{
    public required string Email { get; init; }

    public required string Password { get; init; }
}
