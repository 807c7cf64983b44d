namespace CdrSdk.Sync;

/// <summary>
/// Where a source's credentials come from. Secrets (<see cref="ApiKey"/>, <see cref="AuthToken"/>,
/// <see cref="Password"/>) must be references: <c>env:NAME</c> (an environment variable), <c>file:PATH</c> (a file's
/// content, trimmed, such as a mounted Kubernetes or Docker secret) or <c>secret:NAME</c> (an
/// <see cref="ICdrSecretResolver"/>; with the hosted service by default the application's configuration, so user
/// secrets or a key vault provider work). Identities (<see cref="ApiUser"/>, <see cref="Email"/>,
/// <see cref="Username"/>, <see cref="AccountName"/>) may be references or plain values.
/// </summary>
public sealed class CdrSyncCredentialOptions
{
    /// <summary>Telnyx API key (v2) or token (v1), Voiso API key, TSG token, or Kazoo API key: a reference.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Telnyx v1: the account email.</summary>
    public string? ApiUser { get; set; }

    /// <summary>Kazoo: a ready <c>X-Auth-Token</c>: a reference.</summary>
    public string? AuthToken { get; set; }

    /// <summary>TSG: the login email.</summary>
    public string? Email { get; set; }

    /// <summary>Kazoo: the user login.</summary>
    public string? Username { get; set; }

    /// <summary>TSG or Kazoo: the login password: a reference.</summary>
    public string? Password { get; set; }

    /// <summary>Kazoo: the account name of the user login.</summary>
    public string? AccountName { get; set; }

    /// <summary>Shows which credentials are set and where they come from (the references), never a secret value.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"Credentials {{ ApiKey = {Shown(ApiKey)}, AuthToken = {Shown(AuthToken)}, Password = {Shown(Password)} }}";

    // A reference is no secret (it says where the secret is); a plain value in a secret field is never shown.
    private static string Shown(string? value) =>
        string.IsNullOrEmpty(value) ? "(none)" : SecretReference.IsReference(value) ? value : "(set)";
}
