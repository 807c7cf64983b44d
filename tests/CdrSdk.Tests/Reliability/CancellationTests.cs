using System.Diagnostics;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Tests.Reliability;

/// <summary>
/// Cancellation at random (seeded) points of paging, report polling, downloads and retry back-offs, through one
/// shared client: every call ends promptly with <see cref="OperationCanceledException"/>, and the emulator sees no
/// connection left behind.
/// </summary>
public sealed class CancellationTests : IAsyncLifetime
{
    private const int Seed = 20261122;
    private const int Rounds = 42;

    /// <summary>Far below every wait a scenario is stuck in (10 s back-offs and polls, 30 s of body latency): a call that ignored the token would blow it.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    private static readonly string Account = KazooDataSet.AccountIds[0];
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-3);
    private CdrEmulator _emulator = null!;

    private enum Scenario
    {
        KazooPaging,
        VoisoPaging,
        TsgPaging,
        TelnyxPolling,
        TelnyxDownload,
        TsgExport,
        RetryBackoff,
    }

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync(o => o.ReportCompletionDelay = TimeSpan.FromMilliseconds(100));

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cancelling_at_random_points_ends_every_call_promptly_and_leaves_no_connection_open()
    {
        var client = SharedClient();
        var report = await ReadyReportAsync(client);
        var random = new Random(Seed);
        var cancelled = new Dictionary<Scenario, int>();
        for (var round = 0; round < Rounds; round++)
        {
            var scenario = (Scenario)(round % Enum.GetValues<Scenario>().Length);
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 200));
            _emulator.Faults.Clear();
            AddFaultsFor(scenario, random.Next());
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            cts.CancelAfter(delay);
            var watch = Stopwatch.StartNew();

            var ex = await Record.ExceptionAsync(() => RunAsync(client, scenario, report, cts.Token));

            var late = watch.Elapsed - delay;
            if (ex is null)
            {
                // The call finished before the token fired (a small download, a quick poll): nothing to cancel.
                continue;
            }

            Assert.True(ex is OperationCanceledException, $"round {round} ({scenario}, cancel after {delay.TotalMilliseconds} ms): {ex.GetType().Name} {ex.Message}");
            Assert.True(late < Prompt, $"round {round} ({scenario}): ended {late.TotalSeconds:0.0} s after the cancellation");
            cancelled[scenario] = cancelled.GetValueOrDefault(scenario) + 1;
        }

        _emulator.Faults.Clear();
        Assert.Equal(Enum.GetValues<Scenario>().Length, cancelled.Count);
        Assert.True(cancelled.Values.Sum() >= Rounds * 3 / 4, $"only {cancelled.Values.Sum()} of {Rounds} calls were cut by the cancellation");

        // The client still works, over at most a handful of pooled connections (a leak would keep one per cancelled call).
        var after = await client.Voiso.Cdrs.ListAsync(new VoisoCdrQuery { StartedAt = VoisoTimeFilter.Between(Since, Since.AddHours(2)), Limit = 20 }, Ct).CountAsync(Ct);
        Assert.Equal(_emulator.VoisoData.NewestFirst(Since, Since.AddHours(2)).Count(), after);
        Assert.True(await OpenConnectionsSettleAtMostAsync(4), $"{_emulator.OpenConnections} connections still open after {Rounds} cancelled calls");

        await client.DisposeAsync();
        Assert.True(await OpenConnectionsSettleAtMostAsync(0), $"{_emulator.OpenConnections} connections still open after the client was disposed");
        TestContext.Current.TestOutputHelper?.WriteLine($"accepted {_emulator.AcceptedConnections}, cancelled {cancelled.Values.Sum()}");
        Assert.True(_emulator.AcceptedConnections >= 10, $"only {_emulator.AcceptedConnections} connections: the cancellations did not cut requests");
    }

    private CdrClient SharedClient()
    {
        var options = TestClients.TelnyxOptions(_emulator, TelnyxApiVersion.V1);
        options.Telnyx.Polling.InitialInterval = TimeSpan.FromSeconds(10);
        options.Telnyx.Polling.MaxInterval = TimeSpan.FromSeconds(10);
        options.Telnyx.Polling.Timeout = TimeSpan.FromHours(1);
        options.Kazoo.BaseAddress = _emulator.KazooBaseAddress;
        options.Kazoo.AuthToken = _emulator.Options.KazooStaticToken;
        options.Voiso.BaseAddress = _emulator.VoisoBaseAddress;
        options.Voiso.ApiKey = _emulator.Options.VoisoApiKey;
        options.Tsg.BaseAddress = _emulator.TsgBaseAddress;
        options.Tsg.Token = _emulator.Options.TsgStaticToken;
        options.Resilience.BaseDelay = TimeSpan.FromSeconds(10);
        options.Resilience.MaxDelay = TimeSpan.FromSeconds(10);
        options.Resilience.AttemptTimeout = TimeSpan.FromMinutes(1);
        options.Resilience.TotalTimeout = TimeSpan.FromMinutes(5);
        options.Resilience.EnableCircuitBreaker = false;
        return new CdrClient(options);
    }

    /// <summary>A completed report with thousands of rows, for the download scenario.</summary>
    private static async Task<CdrReport> ReadyReportAsync(CdrClient client)
    {
        var operation = await client.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = Since, EndTime = Since.AddDays(2) }, Ct);
        await Task.Delay(300, Ct);
        var report = await operation.UpdateStatusAsync(Ct);
        Assert.Equal(ReportStatus.Complete, report.Status);
        return report;
    }

    private void AddFaultsFor(Scenario scenario, int seed)
    {
        if (scenario == Scenario.RetryBackoff)
        {
            _emulator.Faults.Add(new FaultRule { PathPrefix = "/api/v4", StatusCode = 503, Times = 100 });
            return;
        }

        // Slow answers at random so the cancellation lands before, during and after requests.
        var latency = TimeSpan.FromMilliseconds(20 + (seed % 120));
        _emulator.Faults.Add(new FaultRule { Kind = FaultKind.Latency, Latency = latency, Probability = 0.5, Times = int.MaxValue });
        if (scenario is Scenario.TelnyxDownload or Scenario.TsgExport && seed % 3 == 0)
        {
            // Sometimes the body itself stalls: the cancellation must cut the read, not wait for the server.
            _emulator.Faults.Add(new FaultRule { Origin = "download", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(30), Times = 1 });
        }
    }

    private static async Task RunAsync(CdrClient client, Scenario scenario, CdrReport report, CancellationToken cancellationToken)
    {
        switch (scenario)
        {
            case Scenario.KazooPaging:
                await client.Kazoo.Cdrs.ListAsync(Account, new KazooCdrQuery { From = Since, To = Since.AddDays(2), PageSize = 20 }, cancellationToken).CountAsync(cancellationToken);
                break;
            case Scenario.VoisoPaging:
                await client.Voiso.Cdrs.ListAsync(new VoisoCdrQuery { StartedAt = VoisoTimeFilter.Between(Since, Since.AddDays(2)), Limit = 20 }, cancellationToken).CountAsync(cancellationToken);
                break;
            case Scenario.TsgPaging:
                await client.Tsg.Cdrs.ListAsync(new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Since, End = Since.AddDays(2), Limit = 20 }, cancellationToken).CountAsync(cancellationToken);
                break;
            case Scenario.TelnyxPolling:
                var operation = await client.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = Since, EndTime = Since.AddHours(1) }, cancellationToken);
                await operation.WaitForCompletionAsync(cancellationToken);
                break;
            case Scenario.TelnyxDownload:
                await foreach (var unused in client.Telnyx.CdrReports.ReadRowsAsync(report, cancellationToken))
                {
                    await Task.Yield();
                }

                break;
            case Scenario.TsgExport:
                var csv = await client.Tsg.Cdrs.ExportCsvAsync(new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Since, End = Since.AddDays(2) }, cancellationToken);
                await using (csv)
                {
                    await csv.CopyToAsync(Stream.Null, cancellationToken);
                }

                break;
            case Scenario.RetryBackoff:
                await client.Voiso.Cdrs.ListAsync(new VoisoCdrQuery { StartedAt = VoisoTimeFilter.Between(Since, Since.AddHours(1)) }, cancellationToken).CountAsync(cancellationToken);
                break;
        }
    }

    private async Task<bool> OpenConnectionsSettleAtMostAsync(int count)
    {
        for (var i = 0; i < 100 && _emulator.OpenConnections > count; i++)
        {
            await Task.Delay(50, Ct);
        }

        return _emulator.OpenConnections <= count;
    }
}
