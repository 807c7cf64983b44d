using System.Collections.Concurrent;

namespace CdrSdk;

/// <summary>
/// The secrets one client knows (configured keys and passwords, tokens obtained at run time), so that any text
/// leaving the SDK (exception excerpts, log values) can be scrubbed of them.
/// </summary>
internal sealed class SecretRegistry
{
    private const int MinimumSecretLength = 4;
    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);

    /// <summary>Registers a secret; short or empty values are ignored (they would scrub ordinary text).</summary>
    public void Add(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length >= MinimumSecretLength)
        {
            _secrets.TryAdd(secret, 0);
        }
    }

    /// <summary>Returns <paramref name="text"/> with every registered secret replaced by <see cref="Redaction.Placeholder"/>.</summary>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets.Keys)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Redaction.Placeholder, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
