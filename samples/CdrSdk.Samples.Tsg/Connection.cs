namespace CdrSdk.Samples.Tsg;

/// <summary>How to reach TSG: nothing set means the embedded emulator.</summary>
/// <param name="BaseUrl">The API address, or <see langword="null"/> for production.</param>
/// <param name="ApiKey">A ready Bearer token.</param>
/// <param name="Email">The login email.</param>
/// <param name="Password">The login password.</param>
internal sealed record Connection(Uri? BaseUrl, string? ApiKey, string? Email, string? Password)
{
    /// <summary><see langword="true"/> when nothing was given, so the sample starts the emulator.</summary>
    public bool IsEmpty => BaseUrl is null && ApiKey is null && Email is null && Password is null;
}
