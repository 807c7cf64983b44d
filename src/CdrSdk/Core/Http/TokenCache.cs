using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CdrSdk.Core.Json;

namespace CdrSdk.Core.Http;

/// <summary>
/// A token obtained by logging in (Kazoo <c>api_auth</c>/<c>user_auth</c>, TSG <c>/account/login</c>): logged in
/// once, cached, renewed before it expires and once when a request is rejected with 401. Concurrent requests
/// wait for one login instead of each logging in. Tokens are registered as secrets.
/// </summary>
#pragma warning disable CA1001 // The semaphore never creates a wait handle (no AvailableWaitHandle), so it holds nothing to dispose; the cache lives as long as the client.
internal abstract class TokenCache
#pragma warning restore CA1001
{
    private readonly SecretRegistry _secrets;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _renewalMargin;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _current;
    private int _logins;

    protected TokenCache(SecretRegistry secrets, TimeProvider time, TimeSpan lifetime, TimeSpan renewalMargin)
    {
        _secrets = secrets;
        _time = time;
        _lifetime = lifetime;
        _renewalMargin = renewalMargin;
    }

    /// <summary>
    /// Set on a login request, with the login's description (<c>TSG login (POST /account/login)</c>), so the error
    /// mapper reports a refused login as a failed login rather than as the call that needed the token.
    /// </summary>
    public static readonly HttpRequestOptionsKey<string> LoginRequest = new(LoginKey);

    /// <summary>The name of <see cref="LoginRequest"/>, for the <c>[Property]</c> parameter of the Refit login methods.</summary>
    public const string LoginKey = "CdrSdk.Login";

    /// <summary>How many logins this cache made (diagnostics and tests).</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>The provider of the login, for errors.</summary>
    protected abstract CdrProvider Provider { get; }

    /// <summary>Describes the login request for errors, for example <c>PUT /api_auth</c>.</summary>
    protected abstract string LoginDescription { get; }

    /// <summary>
    /// A valid token, logging in when there is none, it is about to expire, or <paramref name="rejected"/> (the
    /// token a 401 answered) is still the current one. The login goes through <paramref name="send"/>.
    /// </summary>
    /// <returns>The token, or the login's failed response (for the resilience pipeline and the error mapping to judge).</returns>
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
            if (current is not null && current.IsFresh(_time.GetUtcNow()) && (rejected is null || !string.Equals(current.Token, rejected, StringComparison.Ordinal)))
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

    /// <summary>The provider's base address (the login's path is below it).</summary>
    protected abstract Uri BaseAddress { get; }

    /// <summary>
    /// Sends the login through the provider's Refit interface created on <paramref name="client"/> (whose requests go
    /// below the credential handler), passing <paramref name="login"/> as its <see cref="LoginKey"/> property.
    /// </summary>
    protected abstract Task<HttpResponseMessage> SendLoginAsync(HttpClient client, string login, CancellationToken cancellationToken);

    /// <summary>The top-level property of the login answer that holds the token (<c>auth_token</c>, <c>token</c>).</summary>
    protected abstract string TokenProperty { get; }

    /// <summary>The login answer's envelope in the provider's JSON context (the token is one of its values).</summary>
    protected abstract JsonTypeInfo<JsonEnvelope<JsonElement>> EnvelopeType { get; }

    /// <summary>The <c>exp</c> claim when the token is a JWT; otherwise null.</summary>
    internal static DateTimeOffset? JwtExpiry(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.Decode(parts[1]));
            return document.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private async Task<(string? Token, HttpResponseMessage? Failure)> LoginAsync(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        using var client = RefitClients.ClientOver(send, BaseAddress);
        var response = await SendLoginAsync(client, $"{Provider.DisplayName()} login ({LoginDescription})", cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return (null, response);
        }

        string? token;
        using (response)
        {
            try
            {
                var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    var envelope = await JsonSerializer.DeserializeAsync(body, EnvelopeType, cancellationToken).ConfigureAwait(false);
                    token = envelope?.Text(TokenProperty);
                }
            }
            catch (JsonException ex)
            {
                throw LoginFailed($"answered with a body that is not JSON ({ex.Message}).", ex);
            }
        }

        if (string.IsNullOrEmpty(token))
        {
            throw LoginFailed("answered without a token.", null);
        }

        _secrets.Add(token);
        Interlocked.Increment(ref _logins);
        var expires = JwtExpiry(token) ?? _time.GetUtcNow() + _lifetime;
        Volatile.Write(ref _current, new CachedToken(token, expires - _renewalMargin));
        return (token, null);
    }

    private CdrApiException LoginFailed(string problem, Exception? inner) =>
        new($"{Provider.DisplayName()} login ({LoginDescription}) {problem}", inner)
        {
            Provider = Provider,
            StatusCode = System.Net.HttpStatusCode.OK,
        };

    private sealed record CachedToken(string Token, DateTimeOffset RenewAt)
    {
        public bool IsFresh(DateTimeOffset now) => now < RenewAt;
    }
}
