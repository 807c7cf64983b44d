using System.Security.Cryptography;
using System.Text;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Emulator;

/// <summary>
/// Without live mode the emulator serves exactly what it served before live mode existed: each digest below was
/// taken from the emulator before live mode was added (seed 42, default rates, a fixed clock), over the same
/// requests. A digest that changes means every client's recorded expectations changed: that needs a reason and a
/// CHANGELOG line, never a silent update. (The Kazoo CSV and the ascending order are left out on purpose: another
/// change reworks them.)
/// </summary>
public sealed class LiveOffGoldenTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset From = new(2026, 5, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddHours(6);
    private CdrEmulator _emulator = null!;
    private RawEmulatorHttp _http = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await TestClients.StartEmulatorAsync(o =>
        {
            o.TimeProvider = new ManualTimeProvider(Now);
            o.ReportCompletionDelay = TimeSpan.Zero;
        });
        _http = new RawEmulatorHttp(_emulator);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Telnyx_report_files_are_unchanged()
    {
        var cdr = await _http.TelnyxReportCsvAsync(mdr: false, From, To);
        var mdr = await _http.TelnyxReportCsvAsync(mdr: true, From, To);

        Assert.Equal(241, cdr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("D7117F10D09D3902DA69CB43CDC5C3AC173B70E8CE2643E6623430AAC3FF517A", Digest(cdr));
        Assert.Equal("5E0D24EDF635736E73019A819C9228B79513A2A1900AB297D2F6CFB549651FA3", Digest(mdr));
    }

    [Fact]
    public async Task Voiso_pages_and_cursors_are_unchanged()
    {
        var pages = await _http.VoisoPagesAsync(From, To, limit: 70);

        Assert.Equal(4, pages.Count);
        Assert.Equal("56334E1271D23B5699395711BABC63AB8EF84AD0E65E3CC1712F0A59D8BF8465", Digest(pages));
    }

    [Fact]
    public async Task Tsg_pages_cursors_export_links_and_exports_are_unchanged()
    {
        var sms = await _http.TsgPagesAsync("SMS", From, To, limit: 100);
        var voice = await _http.TsgPagesAsync("VOICE", From, To, limit: 100);
        var api = await _http.TsgPagesAsync("API", From, To, limit: 100);
        var exports = new[] { await _http.TsgExportAsync(sms[0]), await _http.TsgExportAsync(voice[0]), await _http.TsgExportAsync(api[0]) };

        var pages = new[] { sms, voice, api }.SelectMany(p => p).Select(p => p.Replace(_emulator.DownloadBaseAddress.AbsoluteUri, "{downloads}/", StringComparison.Ordinal));

        Assert.Equal(3, voice.Count);
        Assert.Equal("DE82368C655DABE7203F3776948D60A171988D9C66893DEEA73571275FC087A6", Digest(pages));
        Assert.Equal("A0474A4042AC65CF8757399C0433E15D3950E3BA36DC1407690703DD6876DC76", Digest(exports));
    }

    [Fact]
    public async Task Kazoo_listings_details_legs_and_interactions_are_unchanged()
    {
        var (account, sub) = (KazooDataSet.AccountIds[0], KazooDataSet.AccountIds[1]);
        var range = $"created_from={KazooDataSet.Gregorian(From)}&created_to={KazooDataSet.Gregorian(To)}";
        var first = _emulator.KazooData.Legs(account, null, KazooDataSet.Gregorian(From), KazooDataSet.Gregorian(To), ascending: false).Skip(4).First();
        var bodies = new[]
        {
            await _http.KazooAsync($"accounts/{account}/cdrs?{range}&paginate=false"),
            await _http.KazooAsync($"accounts/{account}/cdrs?{range}&page_size=25"),
            await _http.KazooAsync($"accounts/{sub}/cdrs/interaction?{range}&paginate=false"),
            await _http.KazooAsync($"accounts/{account}/cdrs/{first.CdrId}"),
            await _http.KazooAsync($"accounts/{account}/cdrs/legs/{first.InteractionId}"),
        }.Select(RawEmulatorHttp.WithoutEnvelopeNoise).ToList();

        Assert.DoesNotContain(bodies, b => b.Contains("\"status\":\"error\"", StringComparison.Ordinal));
        Assert.Equal("16F0D11A51694CA0BB8AC1DD6ABFC7ED9D1DA80D8AAA56809E2AC638BCFAC2E8", Digest(bodies));
    }

    [Fact]
    public async Task Live_mode_with_nothing_late_or_changed_serves_a_settled_past_byte_for_byte_like_live_off()
    {
        await using var live = await TestClients.StartEmulatorAsync(o =>
        {
            o.TimeProvider = new ManualTimeProvider(Now);
            o.ReportCompletionDelay = TimeSpan.Zero;
            o.Live = new EmulatorLiveOptions { LateFraction = 0, ChangedFraction = 0 };
        });
        using var liveHttp = new RawEmulatorHttp(live);
        var range = $"created_from={KazooDataSet.Gregorian(From)}&created_to={KazooDataSet.Gregorian(To)}";
        var kazoo = $"accounts/{KazooDataSet.AccountIds[0]}/cdrs?{range}&page_size=40";
        var tsg = (await _http.TsgPagesAsync("VOICE", From, To, limit: 100), await liveHttp.TsgPagesAsync("VOICE", From, To, limit: 100));

        Assert.Equal(await _http.TelnyxReportCsvAsync(mdr: false, From, To), await liveHttp.TelnyxReportCsvAsync(mdr: false, From, To));
        Assert.Equal(await _http.TelnyxReportCsvAsync(mdr: true, From, To), await liveHttp.TelnyxReportCsvAsync(mdr: true, From, To));
        Assert.Equal(await _http.VoisoPagesAsync(From, To, limit: 70), await liveHttp.VoisoPagesAsync(From, To, limit: 70));
        Assert.Equal(RawEmulatorHttp.WithoutEnvelopeNoise(await _http.KazooAsync(kazoo)), RawEmulatorHttp.WithoutEnvelopeNoise(await liveHttp.KazooAsync(kazoo)));
        Assert.Equal(tsg.Item1.Select(WithoutExportLink), tsg.Item2.Select(WithoutExportLink));
        Assert.Equal(await _http.TsgExportAsync(tsg.Item1[0]), await liveHttp.TsgExportAsync(tsg.Item2[0]));

        // The live export link carries the instant it was made, so its file never changes.
        Assert.NotEqual(tsg.Item1[0], tsg.Item2[0]);
    }

    private static string WithoutExportLink(string page) =>
        System.Text.RegularExpressions.Regex.Replace(page, "\"exportLink\":\"[^\"]*\"", string.Empty, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    private static string Digest(string text) => Digest([text]);

    private static string Digest(IEnumerable<string> texts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u0001", texts))));
}
