using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Voiso;

namespace CdrSdk.Tests.Emulator;

/// <summary><c>cdr emulator --live</c>: the standalone emulator in live mode, on the system clock.</summary>
public sealed partial class EmulatorCommandLiveTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cdr_emulator_live_serves_what_exists_on_the_system_clock_and_nothing_from_the_future()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var writer = new StringWriter();
        var running = CdrSdk.Tests.Tool.CliRun.StartAsync(
            CdrSdk.Tests.Tool.CliRun.Host(writer, new StringWriter()), ["emulator", "--port", "0", "--download-port", "0", "--live"], stop.Token);
        string? address = null;
        for (var i = 0; i < 500 && address is null; i++)
        {
            await Task.Delay(10, Ct);
            address = Address().Match(writer.ToString()) is { Success: true } m ? m.Groups["address"].Value : null;
        }

        Assert.NotNull(address);
        var before = DateTimeOffset.UtcNow;
        var (since, until) = (before.AddHours(-12), before.AddDays(1));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(address),
            $"api/v4/reporting/cdrs?limit=1000&started_at[gte]={Uri.EscapeDataString(since.ToString("O", CultureInfo.InvariantCulture))}&started_at[lt]={Uri.EscapeDataString(until.ToString("O", CultureInfo.InvariantCulture))}"));
        request.Headers.Authorization = new("Bearer", new CdrEmulatorOptions().VoisoApiKey);
        using var response = await http.SendAsync(request, Ct);
        var after = DateTimeOffset.UtcNow;
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        await stop.CancelAsync();
        Assert.Equal(0, await running);

        // The same seed and defaults, computed here: what existed just before the request must be served, and
        // nothing that did not exist just after it.
        var data = new VoisoDataSet(new EmulatorDataSet(42, 40, 60, new EmulatorLiveOptions()));
        var served = body["items"]!.AsArray().Select(i => i!["id"]!.ToString()).ToHashSet(StringComparer.Ordinal);
        var ends = body["items"]!.AsArray().Select(i => DateTimeOffset.Parse(i!["ended_at"]!.ToString(), CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(served);
        Assert.Superset(data.NewestFirst(since, until, before).Select(r => r.Id).ToHashSet(StringComparer.Ordinal), served);
        Assert.Subset(data.NewestFirst(since, until, after).Select(r => r.Id).ToHashSet(StringComparer.Ordinal), served);
        Assert.All(ends, end => Assert.True(end <= after, $"ended_at {end:O} is after the response ({after:O})"));
        Assert.True(served.Count < data.NewestFirst(since, until).Count(), "without live mode the day ahead is served as well");
    }

    [GeneratedRegex(@"CdrSdk emulator on (?<address>http://127\.0\.0\.1:\d+/)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Address();
}
