using System.Net;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using static CdrSdk.Tests.Infrastructure.Collect;

namespace CdrSdk.Tests.Tsg;

/// <summary>TSG Global login and CSV exports against the emulator: one login, token renewal, sliced exports, tampered links.</summary>
public sealed class TsgLoginAndExportTests : TsgEmulatorTests
{
    [Fact]
    public async Task Email_and_password_log_in_once_and_the_token_is_renewed_once_on_401()
    {
        await using var client = TestClients.Tsg(Emulator, o =>
        {
            o.Token = null;
            o.Email = Emulator.Options.TsgEmail;
            o.Password = Emulator.Options.TsgPassword;
        });
        var query = Day(TsgCdrType.Sms) with { End = Start.AddHours(1) };

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => All(client.Tsg.Cdrs.ListAsync(query, Ct))));
        Assert.Equal(1, Emulator.TsgLogins);

        var before = Emulator.Requests.Snapshot().Count;
        Emulator.ExpireTsgTokens();
        var records = await All(client.Tsg.Cdrs.ListAsync(query, Ct));

        Assert.NotEmpty(records);
        Assert.Equal(2, Emulator.TsgLogins);
        var after = Emulator.Requests.Snapshot().Skip(before).Select(r => (r.Path, r.StatusCode)).ToList();
        Assert.Equal([("/graphql", 401), ("/account/login", 200), ("/graphql", 200)], after.Take(3));
        Assert.All(after.Skip(3), r => Assert.Equal(("/graphql", 200), r));
    }

    [Fact]
    public async Task A_wrong_password_is_reported_with_the_tsg_error()
    {
        await using var client = TestClients.Tsg(Emulator, o =>
        {
            o.Token = null;
            o.Email = Emulator.Options.TsgEmail;
            o.Password = "not-the-password";
        });

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => All(client.Tsg.Cdrs.ListAsync(Day(TsgCdrType.Sms), Ct)));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("unauthorized", ex.ErrorCode);
        Assert.Equal("Invalid email or password", ex.ErrorTitle);
        Assert.DoesNotContain("not-the-password", ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, Emulator.TsgLogins);
    }

    [Fact]
    public async Task A_long_export_is_sliced_and_streamed_as_one_csv_without_credentials()
    {
        await using var client = TestClients.Tsg(Emulator);
        var query = new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Start, End = Start.AddDays(2).AddHours(12) };

        string text;
        await using (var stream = await client.Tsg.Cdrs.ExportCsvAsync(query, Ct))
        using (var reader = new StreamReader(stream))
        {
            text = await reader.ReadToEndAsync(Ct);
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("datetime,fromNumber,toNumber,direction,status,charge,type", lines[0]);
        Assert.Single(lines, l => l.StartsWith("datetime,", StringComparison.Ordinal));
        var expected = Emulator.TsgData.Records("SMS", query.Start, query.End).ToList();
        Assert.Equal(expected.Count, lines.Length - 1);
        Assert.Equal(expected.Select(r => r.Fields["datetime"]), lines.Skip(1).Select(l => l.Split(',')[0]));
        var requests = Emulator.Requests.Snapshot();
        Assert.Equal(3, requests.Count(r => r.Path == "/graphql"));
        var downloads = requests.Where(r => r.Origin == "download").ToList();
        Assert.Equal(3, downloads.Count);
        Assert.All(downloads, d => Assert.False(d.Headers.ContainsKey("authorization")));

        var rows = await All(client.Tsg.Cdrs.ReadExportAsync(query with { Fields = new TsgFieldSelection { Message = TsgMessageCdrFields.Datetime | TsgMessageCdrFields.Status } }, Ct));
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(["datetime", "status"], rows[0].Columns);
        Assert.Equal(expected[5].Fields["status"], rows[5]["status"]);
    }

    [Fact]
    public async Task A_sliced_export_reports_each_slice_and_the_end()
    {
        await using var client = TestClients.Tsg(Emulator);
        var query = new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Start, End = Start.AddDays(2).AddHours(12) };
        var reports = new List<TsgExportProgress>();

        await using (var stream = await client.Tsg.Cdrs.ExportCsvAsync(query, new CollectingProgress<TsgExportProgress>(reports), Ct))
        {
            Assert.Equal([new TsgExportProgress(0, 3, Start, Start.AddDays(1))], reports);
            await stream.CopyToAsync(Stream.Null, Ct);
        }

        Assert.Equal(
            [
                new TsgExportProgress(0, 3, Start, Start.AddDays(1)),
                new TsgExportProgress(1, 3, Start.AddDays(1), Start.AddDays(2)),
                new TsgExportProgress(2, 3, Start.AddDays(2), query.End),
                new TsgExportProgress(3, 3, query.End, query.End),
            ],
            reports);
        Assert.True(reports[^1].IsComplete);
        Assert.Equal(2d / 3, reports[2].Fraction, 6);
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Tsg.Cdrs.ExportCsvAsync(query, progress: null!, Ct));
    }

    private sealed class CollectingProgress<T>(List<T> reports) : IProgress<T>
    {
        public void Report(T value) => reports.Add(value);
    }

    [Fact]
    public async Task A_tampered_export_link_is_rejected()
    {
        await using var client = TestClients.Tsg(Emulator);
        var link = await client.Tsg.Cdrs.GetExportLinkAsync(Day(TsgCdrType.Sms), Ct);
        using var http = new HttpClient();

        using var good = await http.GetAsync(link, Ct);
        using var tampered = await http.GetAsync(new Uri(link.AbsoluteUri.Replace("&sig=", "&sig=x", StringComparison.Ordinal)), Ct);
        using var altered = await http.GetAsync(new Uri(link.AbsoluteUri.Replace("?q=", "?q=e", StringComparison.Ordinal)), Ct);

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(Emulator.DownloadBaseAddress.Authority, link.Authority);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, altered.StatusCode);
    }
}
