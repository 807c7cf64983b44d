namespace CdrSdk.Sync;

/// <summary>Resolves <c>secret:NAME</c> credential references (a vault, the application's configuration).</summary>
public interface ICdrSecretResolver
{
    /// <summary>Gets a secret by name.</summary>
    /// <param name="name">The name after <c>secret:</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The secret, or <see langword="null"/> when there is none of that name.</returns>
    ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken = default);
}
