using System.Text.Json;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Voiso;
using CdrSdk.Voiso.Api;

namespace CdrSdk.Tests.Records;

/// <summary>The order and granularity each source delivers (docs/unified-records.md), and Voiso's two direction fields.</summary>
public sealed class UnifiedOrderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-2).AddHours(13);
    private static readonly DateTimeOffset Until = Since.AddHours(3);
    private static readonly string Account = KazooDataSet.AccountIds[0];
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync(o => o.CallsPerHour = 80);

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_kazoo_source_lists_oldest_first_one_record_per_leg_by_default()
    {
        await using var client = TestClients.Kazoo(_emulator);

        var legs = await client.Kazoo.AsCdrSource(Account).ListAsync(Since, Until, Ct).ToListAsync(Ct);

        var expected = _emulator.KazooData.Legs(Account, null, KazooDataSet.Gregorian(Since), KazooDataSet.Gregorian(Until) - 1, ascending: true).ToList();
        Assert.Equal(expected.Select(l => l.CdrId), legs.Select(l => l.Id));
        Assert.Equal(legs.Select(l => l.EndedAt).Order(), legs.Select(l => l.EndedAt));
        Assert.All(_emulator.Requests.Snapshot(), r => Assert.Contains("ascending=true", r.QueryString, StringComparison.Ordinal));
        Assert.True(expected.Select(l => l.InteractionId).Distinct(StringComparer.Ordinal).Count() < legs.Count, "some calls have more than one leg");
    }

    [Fact]
    public async Task A_kazoo_source_per_interaction_gives_one_record_per_interaction_keyed_by_its_id()
    {
        await using var client = TestClients.Kazoo(_emulator);

        var interactions = await client.Kazoo.AsCdrSource(Account, KazooCdrGranularity.Interaction).ListAsync(Since, Until, Ct).ToListAsync(Ct);
        var newestFirst = await client.Kazoo.AsCdrSource(Account, KazooCdrGranularity.Interaction, q => q with { Ascending = false }).ListAsync(Since, Until, Ct).ToListAsync(Ct);

        var expected = _emulator.KazooData.Interactions(Account, null, KazooDataSet.Gregorian(Since), KazooDataSet.Gregorian(Until) - 1, ascending: true).ToList();
        Assert.True(expected.Count > 50);
        Assert.Equal(expected.Select(l => l.InteractionId), interactions.Select(r => r.Id));
        Assert.Equal(expected.Select(l => l.CdrId), interactions.Select(r => r.GetProviderRecord<KazooCdrSummary>().Id));
        Assert.Equal(expected.Select(l => (DateTimeOffset?)KazooDataSet.Instant(l.Timestamp)), interactions.Select(r => r.EndedAt));
        Assert.Equal(interactions.Select(r => r.Id).Reverse(), newestFirst.Select(r => r.Id));
        Assert.Contains(_emulator.Requests.Snapshot(), r => r.Path.EndsWith("/cdrs/interaction", StringComparison.Ordinal));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.Kazoo.AsCdrSource(Account, (KazooCdrGranularity)7));
    }

    [Theory]
    [InlineData("{\"subtype\":\"inbound\"}", CallDirection.Inbound)]
    [InlineData("{\"direction\":\"outbound\"}", CallDirection.Outbound)]
    [InlineData("{\"direction\":\"inbound\",\"subtype\":null}", CallDirection.Inbound)]
    [InlineData("{\"subtype\":\"outbound_sms\",\"direction\":\"inbound\"}", CallDirection.Outbound)]
    [InlineData("{\"subtype\":\"transfer\",\"direction\":\"Inbound\"}", CallDirection.Inbound)]
    [InlineData("{\"subtype\":\"transfer\"}", CallDirection.Unknown)]
    [InlineData("{}", CallDirection.Unknown)]
    public void Voiso_direction_comes_from_the_subtype_or_else_from_data_direction(string data, CallDirection expected)
    {
        foreach (var type in new[] { "call", "sms", "conversation" })
        {
            var json = $"{{\"id\":\"r-1\",\"type\":\"{type}\",\"started_at\":\"2026-11-20T21:05:57Z\",\"data\":{data}}}";
            var cdr = JsonSerializer.Deserialize(json, VoisoJsonContext.Wire.VoisoCdr)!;

            var record = VoisoCdrSource.ToCallRecord(cdr);

            Assert.Equal(expected, record.Direction);
            Assert.Equal("r-1", record.Id);
        }
    }
}
