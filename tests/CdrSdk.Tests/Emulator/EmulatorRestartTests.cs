using CdrSdk.Emulator;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Tests.Emulator;

/// <summary>What a client saved from one emulator run still works against the next run with the same seed.</summary>
public sealed class EmulatorRestartTests : IDisposable
{
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-2);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "cdrsdk-restart-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    [Fact]
    public async Task A_telnyx_report_saved_in_the_state_directory_is_found_and_read_after_a_restart()
    {
        string id;
        List<string?> before;
        await using (var first = await TestClients.StartEmulatorAsync(o => o.StateDirectory = _state))
        await using (var client = TestClients.Telnyx(first))
        {
            var operation = await client.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = Since, EndTime = Since.AddHours(3) }, Ct);
            await operation.WaitForCompletionAsync(Ct);
            id = operation.Id;
            before = (await operation.ReadRowsAsync(Ct).ToListAsync(Ct)).Select(r => r.Id).ToList();
        }

        await using var second = await TestClients.StartEmulatorAsync(o => o.StateDirectory = _state);
        await using var again = TestClients.Telnyx(second);
        var resumed = again.Telnyx.CdrReports.ResumeOperation(id);
        await resumed.WaitForCompletionAsync(Ct);
        var after = (await resumed.ReadRowsAsync(Ct).ToListAsync(Ct)).Select(r => r.Id).ToList();

        Assert.NotEmpty(before);
        Assert.Equal(before, after);
        Assert.Single(Directory.GetFiles(_state, "telnyx-*.json"));

        await resumed.DeleteAsync(Ct);
        Assert.Empty(Directory.GetFiles(_state, "telnyx-*.json"));
    }

    [Fact]
    public async Task Without_a_state_directory_a_restarted_emulator_does_not_know_the_report()
    {
        string id;
        await using (var first = await TestClients.StartEmulatorAsync())
        await using (var client = TestClients.Telnyx(first))
        {
            id = (await client.Telnyx.CdrReports.CreateAsync(new CdrReportRequest { StartTime = Since, EndTime = Since.AddHours(1) }, Ct)).Id;
        }

        await using var second = await TestClients.StartEmulatorAsync();
        await using var again = TestClients.Telnyx(second);

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => again.Telnyx.CdrReports.GetAsync(id, Ct));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Voiso_and_tsg_cursors_stay_valid_across_a_restart_with_the_same_seed_only()
    {
        var voisoQuery = new VoisoCdrQuery { StartedAt = VoisoTimeFilter.Between(Since, Since.AddHours(6)), Limit = 20 };
        var tsgQuery = new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Since, End = Since.AddHours(6), Limit = 20 };
        string voisoToken;
        string tsgToken;
        List<string?> voisoRest;
        List<string> tsgRest;
        await using (var first = await TestClients.StartEmulatorAsync())
        await using (var voiso = TestClients.Voiso(first))
        await using (var tsg = TestClients.Tsg(first))
        {
            var voisoPages = await voiso.Voiso.Cdrs.ListAsync(voisoQuery, Ct).AsPages().ToListAsync(Ct);
            var tsgPages = await tsg.Tsg.Cdrs.ListAsync(tsgQuery, Ct).AsPages().ToListAsync(Ct);
            voisoToken = voisoPages[1].ContinuationToken!;
            tsgToken = tsgPages[1].ContinuationToken!;
            voisoRest = voisoPages.Skip(2).SelectMany(p => p.Values).Select(v => v.Id).ToList();
            tsgRest = tsgPages.Skip(2).SelectMany(p => p.Values).Select(v => v.Datetime!.Value.ToString("O")).ToList();
        }

        await using (var second = await TestClients.StartEmulatorAsync())
        await using (var voiso = TestClients.Voiso(second))
        await using (var tsg = TestClients.Tsg(second))
        {
            var voisoAfter = (await voiso.Voiso.Cdrs.ListAsync(voisoQuery, Ct).AsPages(voisoToken).ToListAsync(Ct)).SelectMany(p => p.Values).Select(v => v.Id);
            var tsgAfter = (await tsg.Tsg.Cdrs.ListAsync(tsgQuery, Ct).AsPages(tsgToken).ToListAsync(Ct)).SelectMany(p => p.Values).Select(v => v.Datetime!.Value.ToString("O"));

            Assert.NotEmpty(voisoRest);
            Assert.Equal(voisoRest, voisoAfter);
            Assert.Equal(tsgRest, tsgAfter);
        }

        await using var otherSeed = await TestClients.StartEmulatorAsync(o => o.Seed = 7);
        await using var tsgOther = TestClients.Tsg(otherSeed);
        var rejected = await Assert.ThrowsAsync<CdrApiException>(() => tsgOther.Tsg.Cdrs.ListAsync(tsgQuery, Ct).AsPages(tsgToken).ToListAsync(Ct).AsTask());
        Assert.Equal("BAD_USER_INPUT", rejected.ErrorCode);
    }
}
