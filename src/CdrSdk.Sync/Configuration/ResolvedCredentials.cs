namespace CdrSdk.Sync;

/// <summary>A source's credentials with their references resolved; only in memory, never logged.</summary>
internal sealed record ResolvedCredentials(string? ApiKey, string? ApiUser, string? AuthToken, string? Email, string? Username, string? Password, string? AccountName)
{
    public override string ToString() => "ResolvedCredentials { (hidden) }";
}
