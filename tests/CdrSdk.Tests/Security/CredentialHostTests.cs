using System.Net;
using CdrSdk.Emulator;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Security;

/// <summary>Credentials go only to the configured origin: redirects elsewhere drop them, plain http off loopback is refused.</summary>
public sealed class CredentialHostTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-2);
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Providers => new()
    {
        { "telnyx", "/reporting/cdr_requests" },
        { "voiso", "/api/v4/reporting/cdrs" },
        { "tsg", "/graphql" },
        { "kazoo", "/v2/accounts" },
    };

    /// <summary>Where a same-origin redirect points: the same resource (the query may differ, the answer is still a 200).</summary>
    private static string SameOrigin(string provider) => provider switch
    {
        "telnyx" => "/reporting/cdr_requests",
        "voiso" => "/api/v4/reporting/cdrs?limit=0",
        "tsg" => "/graphql",
        _ => $"/v2/accounts/{CdrSdk.Emulator.Kazoo.KazooDataSet.AccountIds[0]}/cdrs",
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_redirect_to_another_host_carries_no_credential(string provider, string path)
    {
        var elsewhere = new Uri(_emulator.DownloadBaseAddress, "redirected" + path);
        _emulator.Faults.Add(new FaultRule
        {
            PathPrefix = path,
            Origin = "api",
            StatusCode = provider == "tsg" ? 307 : 302,
            Headers = new Dictionary<string, string> { ["Location"] = elsewhere.AbsoluteUri },
            Body = string.Empty,
        });
        await using var client = Client(provider);

        var ex = await Assert.ThrowsAnyAsync<CdrException>(() => Call(client, provider));

        var redirected = Assert.Single(_emulator.Requests.Snapshot(), r => r.Origin == "download");
        Assert.StartsWith("/redirected", redirected.Path, StringComparison.Ordinal);
        Assert.DoesNotContain(redirected.Headers.Keys, h => h is "authorization" or "x-api-token" or "x-api-user" or "x-auth-token");
        Assert.True(ex is CdrApiException { StatusCode: HttpStatusCode.NotFound } or CdrTransportException, ex.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_redirect_within_the_origin_keeps_the_credentials_and_succeeds(string provider, string path)
    {
        _emulator.Faults.Add(new FaultRule
        {
            PathPrefix = path,
            StatusCode = 307,
            Headers = new Dictionary<string, string> { ["Location"] = SameOrigin(provider) },
            Body = string.Empty,
        });
        await using var client = Client(provider);

        await Call(client, provider);

        var requests = _emulator.Requests.Snapshot().Where(r => r.Path.StartsWith(path, StringComparison.Ordinal)).Take(2).ToList();
        Assert.Equal(307, requests[0].StatusCode);
        Assert.True(requests[1].StatusCode is 200 or 201 or 202, requests[1].ToString());
        Assert.Contains(requests[1].Headers.Keys, h => h is "authorization" or "x-api-token" or "x-auth-token");
    }

    [Fact]
    public void Plain_http_to_another_host_is_refused_unless_allowed_on_purpose()
    {
        static CdrClientOptions Options(string url, bool allow) => new()
        {
            Kazoo = { BaseAddress = new Uri(url), AuthToken = "token" },
            AllowInsecureHttp = allow,
        };

        var refused = Assert.Throws<CdrValidationException>(() => new CdrClient(Options("http://kazoo.example.com:8000/v2", allow: false)));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("Kazoo.BaseAddress", error.PropertyName);
        Assert.Contains("AllowInsecureHttp", error.Message, StringComparison.Ordinal);
        Assert.Empty(Options("http://kazoo.example.com:8000/v2", allow: true).Validate());
        Assert.Empty(Options("https://kazoo.example.com:8443/v2", allow: false).Validate());
        Assert.Empty(Options("http://localhost:8000/v2", allow: false).Validate());
        Assert.Empty(Options("http://127.0.0.1:8000/v2", allow: false).Validate());
        Assert.Equal("Telnyx.BaseAddress", Assert.Single(new CdrClientOptions { Telnyx = { ApiKey = "k", BaseAddress = new Uri("http://api.telnyx.com") } }.Validate()).PropertyName);
    }

    private CdrClient Client(string provider) => provider switch
    {
        "telnyx" => TestClients.Telnyx(_emulator),
        "voiso" => TestClients.Voiso(_emulator),
        "tsg" => TestClients.Tsg(_emulator),
        _ => TestClients.Kazoo(_emulator),
    };

    private static Task Call(CdrClient client, string provider) => provider switch
    {
        "telnyx" => client.Telnyx.CdrReports.CreateAsync(new CdrSdk.Telnyx.CdrReportRequest { StartTime = Since, EndTime = Since.AddHours(1) }, Ct),
        "voiso" => client.Voiso.Cdrs.CountAsync(cancellationToken: Ct),
        "tsg" => client.Tsg.Cdrs.GetExportLinkAsync(new CdrSdk.Tsg.TsgCdrQuery { Type = CdrSdk.Tsg.TsgCdrType.Sms, Start = Since, End = Since.AddHours(1) }, Ct),
        _ => client.Kazoo.Cdrs.ListAsync(CdrSdk.Emulator.Kazoo.KazooDataSet.AccountIds[0], new CdrSdk.Kazoo.KazooCdrQuery { From = Since, To = Since.AddHours(1) }, Ct).AsPages().FirstAsync(Ct).AsTask(),
    };
}
