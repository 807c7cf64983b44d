using System.Net;
using System.Text.RegularExpressions;

namespace CdrSdk.Tests.Tool;

public sealed partial class CliEmulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cdr_emulator_serves_every_api_until_cancelled_and_prints_where()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var writer = new StringWriter();
        var error = new StringWriter();
        var running = CliRun.StartAsync(CliRun.Host(writer, error), ["emulator", "--port", "0", "--download-port", "0"], stop.Token);

        string? address = null;
        for (var i = 0; i < 500 && address is null; i++)
        {
            await Task.Delay(10, Ct);
            address = Address().Match(writer.ToString()) is { Success: true } m ? m.Groups["address"].Value : null;
        }

        Assert.NotNull(address);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(address), "api/v4/reporting/cdrs?limit=1"));
        request.Headers.Authorization = new("Bearer", new CdrSdk.Emulator.CdrEmulatorOptions().VoisoApiKey);
        using var response = await http.SendAsync(request, Ct);
        await stop.CancelAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await running);
        Assert.Contains("Stopped.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Kazoo", writer.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"CdrSdk emulator on (?<address>http://127\.0\.0\.1:\d+/)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Address();
}
