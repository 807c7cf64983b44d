using CdrSdk.Emulator;
using CdrSdk.Telnyx;

namespace CdrSdk.Benchmarks;

/// <summary>A large Telnyx CDR report (about 500 MB) requested from the emulator once and kept in the temporary folder.</summary>
internal static class ReportFile
{
    /// <summary>At least this many bytes: the scenario reads a 500 MB report.</summary>
    public const long MinimumBytes = 500_000_000;

    private static readonly string Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cdrsdk-bench-report-500mb.csv");

    public static async Task<string> EnsureAsync(Uri address)
    {
        if (File.Exists(Path) && new FileInfo(Path).Length >= MinimumBytes)
        {
            return Path;
        }

        var defaults = new CdrEmulatorOptions();
        var options = new CdrClientOptions
        {
            Telnyx =
            {
                BaseAddress = address,
                ApiKey = defaults.TelnyxApiKey,
                ApiUser = defaults.TelnyxApiUser,
                Polling = { InitialInterval = TimeSpan.FromMilliseconds(200), MaxInterval = TimeSpan.FromSeconds(1) },
            },
            Resilience = { AttemptTimeout = TimeSpan.FromMinutes(10), TotalTimeout = TimeSpan.FromMinutes(20) },
        };
        await using var client = new CdrClient(options);
        var start = EmulatorDataSet.Epoch.AddDays(1);
        var operation = await client.Telnyx.CdrReports.StartAsync(new CdrReportRequest
        {
            StartTime = start,
            EndTime = start.AddDays(22),
            CallTypes = [TelnyxCallType.Inbound, TelnyxCallType.Outbound],
            RecordTypes = [TelnyxRecordType.Complete, TelnyxRecordType.Incomplete, TelnyxRecordType.Errors],
        });
        await operation.WaitForCompletionAsync();
        var partial = Path + ".part";
        await using (var csv = await operation.OpenReadAsync())
        await using (var file = File.Create(partial))
        {
            await csv.CopyToAsync(file);
        }

        File.Move(partial, Path, overwrite: true);
        return Path;
    }
}
