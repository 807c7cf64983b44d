using CdrSdk.Emulator;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Tests.Reliability;

/// <summary>
/// Against the emulator over loopback: a TSG token refused the way TSG refuses an expired one (HTTP 200 with a
/// GraphQL <c>UNAUTHENTICATED</c> error) is renewed once, exactly as on a 401; every request, the logins too,
/// carries the User-Agent; and errors carry the request id the server sent.
/// </summary>
public sealed class TokenRenewalTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = TestTime.UtcDay(-2);
    private CdrEmulator _emulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync(o => o.TsgExpiredTokenAsGraphQLError = true);

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    [Fact]
    public async Task An_expired_tsg_token_answered_with_graphql_unauthenticated_is_renewed_once_and_the_page_read()
    {
        await using var client = TestClients.Tsg(_emulator, o => (o.Token, o.Email, o.Password) = (null, _emulator.Options.TsgEmail, _emulator.Options.TsgPassword),
            configureClient: o => o.UserAgent = "SyncJob/3.1");
        var query = new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Start, End = Start.AddHours(2) };
        var expected = await client.Tsg.Cdrs.ListAsync(query, Ct).CountAsync(Ct);

        var before = _emulator.Requests.Snapshot().Count;
        _emulator.ExpireTsgTokens();
        var records = await client.Tsg.Cdrs.ListAsync(query, Ct).CountAsync(Ct);

        Assert.True(expected > 10, $"only {expected} records");
        Assert.Equal(expected, records);
        Assert.Equal(2, _emulator.TsgLogins);
        var after = _emulator.Requests.Snapshot().Skip(before).ToList();
        Assert.Equal([("/graphql", 200), ("/account/login", 200), ("/graphql", 200)], after.Take(3).Select(r => (r.Path, r.StatusCode)));
        Assert.NotEqual(after[0].Headers["authorization"], after[2].Headers["authorization"]);
        Assert.All(_emulator.Requests.Snapshot(), r => Assert.Equal("SyncJob/3.1 CdrSdk/" + CdrTelemetry.Version, r.Headers["user-agent"]));
    }

    [Fact]
    public async Task Telnyx_and_voiso_errors_carry_the_request_id_the_emulator_sent()
    {
        await using var telnyx = TestClients.Telnyx(_emulator, TelnyxApiVersion.V2, o => o.Telnyx.ApiKey = "KEY-not-the-right-one");
        await using var voiso = TestClients.Voiso(_emulator, o => o.ApiKey = "not-the-voiso-key");

        var telnyxError = await Assert.ThrowsAsync<CdrApiException>(() => telnyx.Telnyx.CdrReports.GetAsync("00000000-0000-0000-0000-000000000000", Ct));
        var voisoError = await Assert.ThrowsAsync<CdrApiException>(() => voiso.Voiso.Cdrs.ListAsync(new VoisoCdrQuery { Limit = 5 }, Ct).CountAsync(Ct).AsTask());

        Assert.Matches("^[0-9a-f]{32}$", telnyxError.RequestId);
        Assert.Matches("^[0-9a-f]{32}$", voisoError.RequestId);
        Assert.Contains($"(request id {telnyxError.RequestId}).", telnyxError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", telnyxError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", voisoError.Message, StringComparison.Ordinal);
    }
}
