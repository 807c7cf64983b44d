using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CdrSdk.Emulator.Infrastructure;

/// <summary>
/// The tokens a login endpoint of the emulator has issued: each lives for a lifetime on the emulator's clock,
/// a static token (when configured) is always accepted, and every issued token can be expired at once so
/// tests can provoke a 401 and the SDK's renewal.
/// </summary>
internal sealed class IssuedTokens
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly string? _staticToken;
    private readonly string _prefix;
    private int _logins;

    /// <param name="time">The emulator's clock.</param>
    /// <param name="lifetime">How long an issued token is accepted.</param>
    /// <param name="staticToken">A token always accepted, or <see langword="null"/>.</param>
    /// <param name="prefix">Put before the random part of each token, to tell the providers' tokens apart.</param>
    public IssuedTokens(TimeProvider time, TimeSpan lifetime, string? staticToken, string prefix)
    {
        _time = time;
        _lifetime = lifetime;
        _staticToken = string.IsNullOrEmpty(staticToken) ? null : staticToken;
        _prefix = prefix;
    }

    /// <summary>How many tokens were issued (successful logins).</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>Issues a new random token valid for the lifetime from now.</summary>
    /// <returns>The token.</returns>
    public string Issue()
    {
        Interlocked.Increment(ref _logins);
        var token = _prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _expiries[token] = _time.GetUtcNow() + _lifetime;
        return token;
    }

    /// <summary>Whether a presented token is the static one or an issued one not yet expired.</summary>
    /// <param name="token">The token as presented; empty when none was.</param>
    /// <returns><see langword="true"/> when the request is authenticated.</returns>
    public bool IsValid(string token) =>
        token.Length > 0
        && (token == _staticToken || (_expiries.TryGetValue(token, out var expires) && expires > _time.GetUtcNow()));

    /// <summary>Whether a presented token was issued here and has expired (as opposed to never issued).</summary>
    /// <param name="token">The token as presented.</param>
    /// <returns><see langword="true"/> for an issued token past its lifetime.</returns>
    public bool IsExpired(string token) =>
        _expiries.TryGetValue(token, out var expires) && expires <= _time.GetUtcNow();

    /// <summary>Makes every token issued so far expire now; the static token keeps working.</summary>
    public void ExpireAll()
    {
        var past = _time.GetUtcNow().AddSeconds(-1);
        foreach (var token in _expiries.Keys)
        {
            _expiries[token] = past;
        }
    }
}
