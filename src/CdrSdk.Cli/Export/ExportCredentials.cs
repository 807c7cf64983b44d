namespace CdrSdk.Tool.Export;

/// <summary>Credentials given on the command line. Never printed: <see cref="ToString"/> says only which are set.</summary>
internal sealed record ExportCredentials
{
    /// <summary><c>--api-key</c>: Telnyx API key or v1 token, Voiso key, TSG token, or Kazoo API key.</summary>
    public string? ApiKey { get; init; }

    /// <summary><c>--api-user</c>: Telnyx v1 account email.</summary>
    public string? ApiUser { get; init; }

    /// <summary><c>--api-version</c>: Telnyx V1 or V2.</summary>
    public string? ApiVersion { get; init; }

    /// <summary><c>--cluster</c>: Voiso cluster id.</summary>
    public string? Cluster { get; init; }

    /// <summary><c>--auth-token</c>: a ready Kazoo token.</summary>
    public string? AuthToken { get; init; }

    /// <summary><c>--email</c>: TSG login.</summary>
    public string? Email { get; init; }

    /// <summary><c>--username</c>: Kazoo user login.</summary>
    public string? Username { get; init; }

    /// <summary><c>--password</c>: TSG or Kazoo password.</summary>
    public string? Password { get; init; }

    /// <summary><c>--account-name</c>: Kazoo account name for the user login.</summary>
    public string? AccountName { get; init; }

    public override string ToString() =>
        $"ExportCredentials {{ ApiKey = {Set(ApiKey)}, AuthToken = {Set(AuthToken)}, Password = {Set(Password)}, ApiUser = {Set(ApiUser)}, Email = {Set(Email)}, Username = {Set(Username)} }}";

    private static string Set(string? value) => string.IsNullOrEmpty(value) ? "(none)" : "(set)";
}
