using CdrSdk.Emulator;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Records;

/// <summary>
/// The Telnyx sources with a report progress hook: the report's id and status after every status check, the first
/// while it is pending, the last complete, the same report whose id the first page's token carries; a resumed
/// listing reports the report it resumes.
/// </summary>
public sealed class TelnyxSourceReportProgressTests : IAsyncLifetime
{
    private CdrEmulator _emulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync(o => o.ReportCompletionDelay = TimeSpan.FromMilliseconds(400));

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData(TelnyxApiVersion.V1, false)]
    [InlineData(TelnyxApiVersion.V2, true)]
    public async Task Each_status_check_is_reported_pending_first_and_complete_last_before_any_row(TelnyxApiVersion version, bool messages)
    {
        await using var client = TestClients.Telnyx(_emulator, version);
        var seen = new List<(string Id, ReportStatus Status, int RowsBefore)>();
        var rows = 0;
        var progress = new Inline<TelnyxReport>(r => seen.Add((r.Id, r.Status, rows)));
        var source = messages ? client.Telnyx.AsMdrSource(null, progress) : client.Telnyx.AsCdrSource(null, progress);

        string? firstToken = null;
        await foreach (var page in source.ListAsync(TestTime.UtcDay(-3), TestTime.UtcDay(-2), Ct).AsPages())
        {
            firstToken ??= page.ContinuationToken;
            rows += page.Values.Count;
        }

        Assert.True(rows > 0);
        Assert.True(seen.Count >= 2, $"{seen.Count} reports");
        Assert.Equal(ReportStatus.Pending, seen[0].Status);
        Assert.Equal(ReportStatus.Complete, seen[^1].Status);
        Assert.All(seen, s => Assert.Equal(0, s.RowsBefore));
        Assert.Single(seen.Select(s => s.Id).Distinct());
        Assert.Equal(1, _emulator.Requests.Snapshot().Count(r => r.Method == "POST"));

        var resumed = new List<TelnyxReport>();
        var again = messages
            ? client.Telnyx.AsMdrSource(null, new Inline<MdrReport>(resumed.Add))
            : client.Telnyx.AsCdrSource(null, new Inline<CdrReport>(resumed.Add));
        var count = 0;
        await foreach (var page in again.ListAsync(TestTime.UtcDay(-3), TestTime.UtcDay(-2), Ct).AsPages(firstToken))
        {
            count += page.Values.Count;
        }

        Assert.Equal(rows, count);
        Assert.Equal(seen[0].Id, Assert.Single(resumed).Id);
        Assert.Equal(ReportStatus.Complete, resumed[0].Status);
        Assert.Equal(1, _emulator.Requests.Snapshot().Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Without_a_hook_the_source_reads_the_same_rows()
    {
        await using var client = TestClients.Telnyx(_emulator);
        var withHook = await Collect.All(client.Telnyx.AsCdrSource(null, new Inline<CdrReport>(_ => { })).ListAsync(TestTime.UtcDay(-3), TestTime.UtcDay(-2), Ct));
        var without = await Collect.All(client.Telnyx.AsCdrSource().ListAsync(TestTime.UtcDay(-3), TestTime.UtcDay(-2), Ct));

        Assert.Equal(without.Select(r => r.Id), withHook.Select(r => r.Id));
    }

    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
