using System.CommandLine;
using System.Globalization;
using CdrSdk;
using CdrSdk.Emulator;
using CdrSdk.Samples;
using CdrSdk.Voiso;
using CsvHelper;
using Spectre.Console;

// Voiso: stream yesterday's answered inbound calls of one queue to the console and a CSV file.
// With no credentials it runs against the embedded emulator.
var cluster = new Option<string?>("--cluster") { Description = "Voiso cluster id: https://{cluster}.voiso.com (env VOISO_CLUSTER)." };
var baseUrl = SampleArguments.BaseUrl("VOISO_BASE_URL", "API address, instead of the cluster");
var apiKey = new Option<string?>("--api-key") { Description = "Scoped API key with reporting.cdrs.read (env VOISO_API_KEY)." };
var queue = new Option<string>("--queue") { Description = "The queue id.", DefaultValueFactory = _ => "302" };
var output = new Option<FileInfo>("--out") { Description = "The CSV file to write.", DefaultValueFactory = _ => new FileInfo("voiso-calls.csv") };

var root = new RootCommand("CdrSdk Voiso sample: yesterday's answered inbound calls of one queue, to the console and a CSV file.")
{
    cluster, baseUrl, apiKey, queue, output,
};
root.SetAction((parse, cancellationToken) => RunAsync(
    SampleArguments.OrEnvironment(parse.GetValue(cluster), "VOISO_CLUSTER"),
    parse.GetValue(baseUrl),
    SampleArguments.OrEnvironment(parse.GetValue(apiKey), "VOISO_API_KEY"),
    parse.GetValue(queue)!,
    parse.GetValue(output)!,
    cancellationToken));
return await root.Parse(args).InvokeAsync();

static async Task<int> RunAsync(string? cluster, Uri? baseUrl, string? apiKey, string queue, FileInfo output, CancellationToken cancellationToken)
{
    CdrEmulator? emulator = null;
    try
    {
        var options = new CdrClientOptions();
        if (apiKey is null && cluster is null && baseUrl is null)
        {
            emulator = await CdrEmulator.StartAsync(cancellationToken: cancellationToken);
            AnsiConsole.MarkupLine($"[grey]No cluster, address or API key given: using the embedded emulator at {emulator.VoisoBaseAddress}.[/]");
            options.Voiso.BaseAddress = emulator.VoisoBaseAddress;
            options.Voiso.ApiKey = emulator.Options.VoisoApiKey;
        }
        else
        {
            options.Voiso.ClusterId = cluster;
            options.Voiso.BaseAddress = baseUrl;
            options.Voiso.ApiKey = apiKey;
        }

        await using var client = new CdrClient(options);
        var today = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero);
        var query = new VoisoCdrQuery
        {
            StartedAt = VoisoTimeFilter.Between(today.AddDays(-1), today),
            Type = [VoisoCdrType.Call],
            Subtype = [VoisoSubtype.Inbound],
            Disposition = [VoisoDisposition.Answered],
            QueueId = [queue],
            Limit = 500,
        };

        var table = SampleTable.Create(
            SampleTable.Fixed("started UTC"), SampleTable.Fixed("from"), SampleTable.Fixed("agent"),
            SampleTable.Number("talk s"), SampleTable.Number("hold s"), SampleTable.Text("end reason"));
        var count = 0;
        var file = output.Create();
        await using (file)
        {
            var csv = CsvWriter.Create(file, CsvWriterOptions.Default);
            await using (csv)
            {
                csv.WriteHeader(["id", "started_at", "ended_at", "from", "to", "agent", "queue", "talk_seconds", "hold_seconds", "end_reason"]);
                await foreach (var cdr in client.Voiso.Cdrs.ListAsync(query, cancellationToken))
                {
                    if (cdr is not VoisoCallCdr call)
                    {
                        continue;
                    }

                    count++;
                    await csv.WriteRecordAsync(
                        [call.Id ?? "", Iso(call.StartedAt), Iso(call.EndedAt), call.Data.FromPhoneNumber ?? "", call.Data.ToPhoneNumber ?? "", call.Data.UserId ?? "",
                         call.Data.QueueId ?? "", Number(call.Data.TalkDuration), Number(call.Data.HoldDuration), call.Data.EndReason?.Value ?? ""],
                        cancellationToken);
                    if (count <= 10)
                    {
                        SampleTable.AddRow(table, SampleTable.Minute(call.StartedAt), call.Data.FromPhoneNumber, call.Data.UserId,
                            Number(call.Data.TalkDuration), Number(call.Data.HoldDuration), call.Data.EndReason?.Value);
                    }
                }
            }
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[bold]{count}[/] answered inbound calls of queue {Markup.Escape(queue)} on {today.AddDays(-1):yyyy-MM-dd}; written to {Markup.Escape(output.FullName)}.");
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

static string Iso(DateTimeOffset? value) => value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
