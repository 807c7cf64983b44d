namespace CdrSdk.Sync;

/// <summary>Reads credential references: <c>env:NAME</c>, <c>file:PATH</c>, <c>secret:NAME</c>.</summary>
internal static class SecretReference
{
    public static bool IsReference(string value) =>
        value.StartsWith("env:", StringComparison.Ordinal) || value.StartsWith("file:", StringComparison.Ordinal) || value.StartsWith("secret:", StringComparison.Ordinal);

    /// <summary>The value a reference points at; a plain value is returned as it is when <paramref name="secret"/> is false.</summary>
    /// <exception cref="CdrSyncException">A secret is given as a value, or the reference points at nothing.</exception>
    public static async ValueTask<string?> ResolveAsync(string? value, string where, bool secret, Func<string, string?> environment, ICdrSecretResolver? resolver,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.StartsWith("env:", StringComparison.Ordinal))
        {
            var name = value[4..];
            return environment(name) is { Length: > 0 } found
                ? found
                : throw Fail($"{where} refers to the environment variable {name}, which is not set.");
        }

        if (value.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = value[5..];
            try
            {
                var text = (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Trim();
                return text.Length > 0 ? text : throw Fail($"{where} refers to the file {path}, which is empty.");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw Fail($"{where} refers to the file {path}, which cannot be read: {ex.Message}");
            }
        }

        if (value.StartsWith("secret:", StringComparison.Ordinal))
        {
            var name = value[7..];
            if (resolver is null)
            {
                throw Fail($"{where} refers to the secret '{name}', but no secret resolver is registered (ICdrSecretResolver); use env:NAME or file:PATH here.");
            }

            return await resolver.GetSecretAsync(name, cancellationToken).ConfigureAwait(false) is { Length: > 0 } found
                ? found
                : throw Fail($"{where} refers to the secret '{name}', which the secret resolver does not have.");
        }

        return secret
            ? throw Fail($"{where} holds a secret itself; give a reference instead (env:NAME, file:PATH or secret:NAME) so the secret stays out of configuration files.")
            : value;
    }

    private static CdrSyncException Fail(string message) => new(message) { BeforeAnyWrite = true };
}
