using System.Net;
using System.Net.Sockets;

namespace CdrSdk.Tests.Tool;

/// <summary>
/// <c>cdr emulator --verbose</c> as a process: the request log goes to standard error, so standard output keeps
/// only the emulator's own lines (where it listens), which scripts read.
/// </summary>
public sealed class CliEmulatorLoggingTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("cdrsdk-emulator-log-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verbose_request_logs_go_to_standard_error_and_standard_output_keeps_the_addresses()
    {
        var port = FreePort();
        using var process = CdrProcess.Start(_work, ["emulator", "--verbose", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--download-port", "0"]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        HttpStatusCode? status = null;
        for (var attempt = 0; attempt < 600 && status is null; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("api/v4/reporting/cdrs?limit=1&marker=logged-request", UriKind.Relative), Ct);
                status = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, Ct);
            }
        }

        // Answering requests is not yet ready: the addresses are printed once the start has finished, and an
        // interrupt before that is an interrupted start (exit 130).
        await process.WaitForOutputAsync($"CdrSdk emulator on http://127.0.0.1:{port}/");
        await process.InterruptAsync();
        var result = await process.WaitAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"CdrSdk emulator on http://127.0.0.1:{port}/", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("marker=logged-request", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore", result.Output, StringComparison.Ordinal);
        Assert.Contains("marker=logged-request", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
