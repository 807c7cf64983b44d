using System.Net;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Kazoo;

/// <summary>Kazoo authentication: static token, API key and user credentials, caching, renewal, one login for concurrent requests.</summary>
public sealed class KazooAuthTests : IAsyncLifetime
{
    private static readonly string Account = KazooDataSet.AccountIds[0];
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static KazooCdrQuery Hour => new() { From = TestTime.UtcDay(-1), To = TestTime.UtcDay(-1).AddHours(1), PageSize = 5 };

    [Fact]
    public async Task An_api_key_is_exchanged_once_and_the_token_sent_as_X_Auth_Token()
    {
        await using var client = TestClients.Kazoo(_emulator, o => { o.AuthToken = null; o.ApiKey = _emulator.Options.KazooApiKey; });

        await client.Kazoo.Cdrs.ListAsync(Account, Hour, Ct).AsPages().FirstAsync(Ct);
        await client.Kazoo.Interactions.ListAsync(Account, Hour, Ct).AsPages().FirstAsync(Ct);

        Assert.Equal(1, _emulator.KazooLogins);
        var requests = _emulator.Requests.Snapshot();
        Assert.Equal(("PUT", "/v2/api_auth"), (requests[0].Method, requests[0].Path));
        var token = requests[1].Headers["x-auth-token"];
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(token, requests[2].Headers["x-auth-token"]);
        Assert.False(requests[0].Headers.ContainsKey("x-auth-token"));
    }

    [Fact]
    public async Task User_credentials_are_sent_as_the_md5_of_user_and_password()
    {
        await using var client = TestClients.Kazoo(_emulator, o =>
        {
            o.AuthToken = null;
            o.Username = _emulator.Options.KazooUsername;
            o.Password = _emulator.Options.KazooPassword;
            o.AccountName = _emulator.Options.KazooAccountName;
        });

        var page = await client.Kazoo.Cdrs.ListAsync(Account, Hour, Ct).AsPages().FirstAsync(Ct);

        Assert.NotEmpty(page.Values);
        Assert.Equal(1, _emulator.KazooLogins);
        Assert.Equal("/v2/user_auth", _emulator.Requests.Snapshot()[0].Path);
        Assert.Equal("21a39285884a268d6458e3fdeb08beac", KazooTokenCache.CredentialsHash("user", "pass"));
        Assert.Equal("eaa5f93d268ca8e4fe7e66c2da66e4dd", KazooTokenCache.CredentialsHash(_emulator.Options.KazooUsername, _emulator.Options.KazooPassword));
    }

    [Fact]
    public async Task Many_concurrent_requests_share_one_login()
    {
        await using var client = TestClients.Kazoo(_emulator, o => { o.AuthToken = null; o.ApiKey = _emulator.Options.KazooApiKey; });

        var tasks = Enumerable.Range(0, 24).Select(i => client.Kazoo.Cdrs.ListAsync(Account, Hour with { PageSize = 1 + (i % 3) }, Ct).AsPages().FirstAsync(Ct).AsTask());
        var pages = await Task.WhenAll(tasks);

        Assert.All(pages, p => Assert.NotEmpty(p.Values));
        Assert.Equal(1, _emulator.KazooLogins);
    }

    [Fact]
    public async Task An_expired_token_is_renewed_once_on_401_and_the_request_succeeds()
    {
        await using var client = TestClients.Kazoo(_emulator, o => { o.AuthToken = null; o.ApiKey = _emulator.Options.KazooApiKey; });
        await client.Kazoo.Cdrs.ListAsync(Account, Hour, Ct).AsPages().FirstAsync(Ct);
        _emulator.ExpireKazooTokens();

        var page = await client.Kazoo.Cdrs.ListAsync(Account, Hour, Ct).AsPages().FirstAsync(Ct);

        Assert.NotEmpty(page.Values);
        Assert.Equal(2, _emulator.KazooLogins);
        var statuses = _emulator.Requests.Snapshot().Select(r => (r.Path, r.StatusCode)).ToList();
        Assert.Equal(401, statuses[2].StatusCode);
        Assert.Equal(("/v2/api_auth", 201), statuses[3]);
        Assert.Equal(200, statuses[4].StatusCode);
    }

    [Fact]
    public async Task A_token_is_renewed_before_it_expires()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var client = TestClients.Kazoo(_emulator, o =>
        {
            o.AuthToken = null;
            o.ApiKey = _emulator.Options.KazooApiKey;
            o.TokenLifetime = TimeSpan.FromMinutes(60);
            o.TokenRenewalMargin = TimeSpan.FromMinutes(5);
        }, timeProvider: clock);
        var query = new KazooCdrQuery { From = TestTime.UtcDay(-1), To = TestTime.UtcDay(-1).AddHours(1), PageSize = 5 };

        await client.Kazoo.Cdrs.ListAsync(Account, query, Ct).AsPages().FirstAsync(Ct);
        clock.Advance(TimeSpan.FromMinutes(54));
        await client.Kazoo.Cdrs.ListAsync(Account, query, Ct).AsPages().FirstAsync(Ct);
        Assert.Equal(1, _emulator.KazooLogins);
        clock.Advance(TimeSpan.FromMinutes(2));
        await client.Kazoo.Cdrs.ListAsync(Account, query, Ct).AsPages().FirstAsync(Ct);

        Assert.Equal(2, _emulator.KazooLogins);
        Assert.DoesNotContain(_emulator.Requests.Snapshot(), r => r.StatusCode == 401);
    }

    [Fact]
    public async Task A_wrong_api_key_fails_with_the_kazoo_credentials_error()
    {
        await using var client = TestClients.Kazoo(_emulator, o => { o.AuthToken = null; o.ApiKey = "wrong-api-key-123456"; });

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Kazoo.Cdrs.ListAsync(Account, Hour, Ct).AsPages().FirstAsync(Ct).AsTask());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("invalid_credentials", ex.ErrorTitle);
        Assert.Equal(0, _emulator.KazooLogins);
        Assert.DoesNotContain("wrong-api-key-123456", ex.ToString(), StringComparison.Ordinal);
        Assert.Single(_emulator.Requests.Snapshot());
    }

    [Fact]
    public async Task A_rejected_static_token_is_reported_without_a_login_attempt()
    {
        await using var client = TestClients.Kazoo(_emulator, o => o.AuthToken = "static-but-wrong-token");

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Kazoo.Cdrs.GetAsync(Account, "202401-c1l0-abcdef12", Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Single(_emulator.Requests.Snapshot());
        Assert.Equal("static-but-wrong-token", _emulator.Requests.Snapshot()[0].Headers["x-auth-token"]);
    }

    [Fact]
    public void Options_demand_exactly_one_complete_way_to_authenticate()
    {
        static IReadOnlyList<CdrValidationError> Validate(Action<KazooOptions> set)
        {
            var options = new CdrClientOptions { Kazoo = { BaseAddress = new Uri("https://kazoo.example/v2") } };
            set(options.Kazoo);
            return options.Validate();
        }

        Assert.Contains(Validate(_ => { }), e => e.PropertyName == "Kazoo.AuthToken" && e.Message.Contains("is required", StringComparison.Ordinal));
        Assert.Contains(Validate(o => { o.AuthToken = "t0k3n"; o.ApiKey = "k3y12"; }), e => e.Message.Contains("exactly one", StringComparison.Ordinal));
        Assert.Contains(Validate(o => o.Username = "u"), e => e.PropertyName == "Kazoo.Password");
        Assert.Contains(Validate(o => { o.Username = "u"; o.Password = "p"; }), e => e.PropertyName == "Kazoo.AccountName");
        Assert.Contains(Validate(o => { o.ApiKey = "k3y12"; o.MaxRangePerRequest = TimeSpan.FromMinutes(5); }), e => e.PropertyName == "Kazoo.MaxRangePerRequest");
        Assert.Contains(Validate(o => { o.ApiKey = "k3y12"; o.TokenRenewalMargin = TimeSpan.FromHours(1); }), e => e.PropertyName == "Kazoo.TokenRenewalMargin");
        Assert.Empty(Validate(o => o.ApiKey = "k3y12"));
        var noAddress = new CdrClientOptions { Kazoo = { ApiKey = "k3y12" } }.Validate();
        Assert.Contains(noAddress, e => e.PropertyName == "Kazoo.BaseAddress");
    }
}
