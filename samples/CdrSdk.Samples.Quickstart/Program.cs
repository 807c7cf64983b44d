using System.CommandLine;
using CdrSdk;
using CdrSdk.Emulator;
using CdrSdk.Samples;
using CdrSdk.Telnyx;
using Spectre.Console;

// Quickstart: request a Telnyx CDR report, wait for it, and print its first rows.
// With no credentials it runs against the embedded emulator; with --api-key (or TELNYX_API_KEY) against Telnyx.
var baseUrl = SampleArguments.BaseUrl("TELNYX_BASE_URL", "API address (default: Telnyx production)");
var apiKey = new Option<string?>("--api-key") { Description = "Telnyx API key (v2) or token (v1) (env TELNYX_API_KEY). Without it the embedded emulator is used." };
var apiUser = new Option<string?>("--api-user") { Description = "v1 only: account email for x-api-user (env TELNYX_API_USER)." };
var version = new Option<TelnyxApiVersion>("--api-version") { Description = "V1 (default) or V2 (env TELNYX_API_VERSION).", DefaultValueFactory = _ => ParseVersion(Environment.GetEnvironmentVariable("TELNYX_API_VERSION")) };
var hours = new Option<int>("--hours") { Description = "How many hours back the report covers (1 to 720).", DefaultValueFactory = _ => 24 };
var rows = new Option<int>("--rows") { Description = "How many rows to print.", DefaultValueFactory = _ => 10 };

var root = new RootCommand("CdrSdk quickstart: request a CDR report, wait for it, print the first rows.")
{
    baseUrl, apiKey, apiUser, version, hours, rows,
};
root.SetAction((parse, cancellationToken) => RunAsync(
    parse.GetValue(baseUrl),
    SampleArguments.OrEnvironment(parse.GetValue(apiKey), "TELNYX_API_KEY"),
    SampleArguments.OrEnvironment(parse.GetValue(apiUser), "TELNYX_API_USER"),
    parse.GetValue(version),
    parse.GetValue(hours),
    parse.GetValue(rows),
    cancellationToken));
return await root.Parse(args).InvokeAsync();

static async Task<int> RunAsync(Uri? baseUrl, string? apiKey, string? apiUser, TelnyxApiVersion version, int hours, int rowCount, CancellationToken cancellationToken)
{
    if (hours is < 1 or > 720 || rowCount < 0)
    {
        AnsiConsole.MarkupLine("[red]--hours must be 1 to 720 and --rows 0 or more.[/]");
        return 2;
    }

    CdrEmulator? emulator = null;
    try
    {
        var options = new CdrClientOptions();
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            emulator = await CdrEmulator.StartAsync(new CdrEmulatorOptions { ReportCompletionDelay = TimeSpan.FromSeconds(3) }, cancellationToken);
            AnsiConsole.MarkupLine($"[grey]No API key given: using the embedded emulator at {emulator.BaseAddress} (pass --api-key or set TELNYX_API_KEY for the real API).[/]");
            options.Telnyx.ApiVersion = version;
            options.Telnyx.BaseAddress = version == TelnyxApiVersion.V2 ? emulator.TelnyxV2BaseAddress : emulator.TelnyxV1BaseAddress;
            options.Telnyx.ApiKey = emulator.Options.TelnyxApiKey;
            options.Telnyx.ApiUser = version == TelnyxApiVersion.V1 ? emulator.Options.TelnyxApiUser : null;
        }
        else
        {
            options.Telnyx.ApiVersion = version;
            options.Telnyx.BaseAddress = baseUrl;
            options.Telnyx.ApiKey = apiKey;
            options.Telnyx.ApiUser = apiUser;
            AnsiConsole.MarkupLine($"[grey]Using Telnyx API {version} at {options.Telnyx.EffectiveBaseAddress}.[/]");
        }

        await using var client = new CdrClient(options);
        var end = DateTimeOffset.UtcNow;
        var request = new CdrReportRequest
        {
            StartTime = end.AddHours(-hours),
            EndTime = end,
            CallTypes = [TelnyxCallType.Inbound, TelnyxCallType.Outbound],
            RecordTypes = [TelnyxRecordType.Complete],
            ReportName = "cdrsdk-quickstart",
            Filters = ReportFilters.Where(Cli.StartsWith("+1")).Or(Tags.Any("vip")).Build(),
        };

        var report = await AnsiConsole.Status().StartAsync("Requesting the CDR report...", async context =>
        {
            var operation = await client.Telnyx.CdrReports.StartAsync(request, cancellationToken);
            AnsiConsole.MarkupLine($"Report [bold]{operation.Id}[/] requested ({request.StartTime:u} to {request.EndTime:u}).");
            var started = DateTimeOffset.UtcNow;
            var progress = new Progress<CdrReport>(r => context.Status($"Report is {r.Status} ({(DateTimeOffset.UtcNow - started).TotalSeconds:0}s)..."));
            var done = await operation.WaitForCompletionAsync(null, progress, cancellationToken);
            return (Operation: operation, Report: done);
        });
        AnsiConsole.MarkupLine($"Report [green]{report.Report.Status}[/]; reading rows.");

        var total = await PrintRowsAsync(report.Operation, rowCount, cancellationToken);
        AnsiConsole.MarkupLine($"[bold]{total}[/] calls in the report; showed {Math.Min(total, rowCount)}.");
        return 0;
    }
    catch (Exception ex) when (SampleErrors.IsExpected(ex))
    {
        return SampleErrors.Report(ex);
    }
    finally
    {
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }
}

static async Task<int> PrintRowsAsync(ReportOperation<CdrReport> operation, int rowCount, CancellationToken cancellationToken)
{
    // Seven columns in 80: short times and directions, numbers kept on one line, the status shortened if need be.
    var table = SampleTable.Create(
        SampleTable.Fixed("start UTC"), SampleTable.Fixed("dir"), SampleTable.Fixed("from"), SampleTable.Fixed("to"),
        SampleTable.Number("secs"), SampleTable.Number("cost"), SampleTable.Text("status"));
    var currencies = new HashSet<string>(StringComparer.Ordinal);
    var total = 0;
    await foreach (var row in operation.ReadRowsAsync(cancellationToken))
    {
        if (total++ < rowCount)
        {
            SampleTable.AddRow(table, SampleTable.Minute(row.StartedAt), SampleTable.Direction(row.Direction), row.Cli, row.Cld,
                SampleTable.Whole(row.DurationSeconds), SampleTable.Money(row.Cost), row.Status);
            if (row.Currency is { Length: > 0 } currency)
            {
                currencies.Add(currency);
            }
        }
    }

    if (currencies.Count > 0)
    {
        table.Caption($"cost in {string.Join(", ", currencies)}");
    }

    AnsiConsole.Write(table);
    return total;
}

static TelnyxApiVersion ParseVersion(string? value) =>
    string.Equals(value, "v2", StringComparison.OrdinalIgnoreCase) || value == "2" ? TelnyxApiVersion.V2 : TelnyxApiVersion.V1;
