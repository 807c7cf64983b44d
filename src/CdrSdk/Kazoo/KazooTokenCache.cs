using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CdrSdk.Core.Http;
using CdrSdk.Kazoo.Wire;

namespace CdrSdk.Kazoo;

/// <summary>
/// The Kazoo auth token obtained from an API key (<c>PUT /api_auth</c>) or user credentials
/// (<c>PUT /user_auth</c>): logged in once, cached, renewed before it expires and once when a request is
/// rejected with 401. Concurrent requests wait for one login instead of each logging in.
/// </summary>
#pragma warning disable CA1001 // The semaphore never creates a wait handle (no AvailableWaitHandle), so it holds nothing to dispose; the cache lives as long as the client.
internal sealed class KazooTokenCache
#pragma warning restore CA1001
{
    private readonly KazooOptions _options;
    private readonly SecretRegistry _secrets;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Uri _baseAddress;
    private CachedToken? _current;
    private int _logins;

    public KazooTokenCache(KazooOptions options, SecretRegistry secrets, TimeProvider time)
    {
        _options = options;
        _secrets = secrets;
        _time = time;
        _baseAddress = options.BaseAddress!;
        if (options.AuthMethod == KazooAuthMethod.UserCredentials)
        {
            _secrets.Add(CredentialsHash(options.Username!, options.Password!));
        }
    }

    /// <summary>How many logins this cache made (diagnostics and tests).</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>
    /// A valid token, logging in when there is none, it is about to expire, or <paramref name="rejected"/> (the
    /// token a 401 answered) is still the current one. The login goes through <paramref name="send"/>.
    /// </summary>
    /// <returns>The token, or the login's failed response (for the resilience pipeline to judge).</returns>
    public async Task<(string? Token, HttpResponseMessage? Failure)> GetAsync(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, string? rejected, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (rejected is null && current is not null && current.IsFresh(_time.GetUtcNow()))
        {
            return (current.Token, null);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = _current;
            var now = _time.GetUtcNow();
            if (current is not null && current.IsFresh(now) && (rejected is null || !string.Equals(current.Token, rejected, StringComparison.Ordinal)))
            {
                // Another request renewed it while this one waited.
                return (current.Token, null);
            }

            return await LoginAsync(send, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string? Token, HttpResponseMessage? Failure)> LoginAsync(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        using var request = CreateLoginRequest();
        var response = await send(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return (null, response);
        }

        using (response)
        {
            string? token;
            try
            {
                var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
                    token = document.RootElement.TryGetProperty("auth_token", out var value) ? value.GetString() : null;
                }
            }
            catch (JsonException ex)
            {
                throw LoginFailed($"answered with a body that is not JSON ({ex.Message}).", ex);
            }

            if (string.IsNullOrEmpty(token))
            {
                throw LoginFailed("answered without an auth_token.", null);
            }

            _secrets.Add(token);
            Interlocked.Increment(ref _logins);
            var issued = _time.GetUtcNow();
            var expires = JwtExpiry(token) ?? issued + _options.TokenLifetime;
            Volatile.Write(ref _current, new CachedToken(token, expires - _options.TokenRenewalMargin));
            return (token, null);
        }
    }

    private HttpRequestMessage CreateLoginRequest()
    {
        var root = _baseAddress.AbsoluteUri.TrimEnd('/');
        HttpContent content = _options.AuthMethod == KazooAuthMethod.ApiKey
            ? JsonContent.Create(new KazooApiAuthRequest { Data = new KazooApiAuthData { ApiKey = _options.ApiKey! } }, KazooJsonContext.Wire.KazooApiAuthRequest)
            : JsonContent.Create(
                new KazooUserAuthRequest { Data = new KazooUserAuthData { Credentials = CredentialsHash(_options.Username!, _options.Password!), AccountName = _options.AccountName! } },
                KazooJsonContext.Wire.KazooUserAuthRequest);
        var path = _options.AuthMethod == KazooAuthMethod.ApiKey ? "/api_auth" : "/user_auth";
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(root + path)) { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return request;
    }

    /// <summary>Kazoo's user credentials: the lower-case hex MD5 of <c>user:password</c> (mandated by the protocol).</summary>
    internal static string CredentialsHash(string user, string password)
    {
#pragma warning disable CA5351 // Kazoo's user_auth protocol defines the credentials as an MD5 digest.
        var digest = MD5.HashData(Encoding.UTF8.GetBytes(user + ":" + password));
#pragma warning restore CA5351
        return string.Create(digest.Length * 2, digest, static (chars, bytes) =>
        {
            const string Hex = "0123456789abcdef";
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = Hex[bytes[i] >> 4];
                chars[(2 * i) + 1] = Hex[bytes[i] & 0xF];
            }
        });
    }

    /// <summary>The <c>exp</c> claim when the token is a JWT (Kazoo 4.x issues JWTs); otherwise null.</summary>
    internal static DateTimeOffset? JwtExpiry(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var document = JsonDocument.Parse(Convert.FromBase64String(payload));
            return document.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private CdrApiException LoginFailed(string problem, Exception? inner) =>
        new($"Kazoo login (PUT {(_options.AuthMethod == KazooAuthMethod.ApiKey ? "/api_auth" : "/user_auth")}) {problem}", inner)
        {
            Provider = CdrProvider.Kazoo,
            StatusCode = System.Net.HttpStatusCode.OK,
        };

    private sealed record CachedToken(string Token, DateTimeOffset RenewAt)
    {
        public bool IsFresh(DateTimeOffset now) => now < RenewAt;
    }
}
