using System.CommandLine;
using System.Globalization;
using CdrSdk;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Samples;
using CsvHelper;
using Spectre.Console;

// Kazoo walk-through: list a day of CDRs of an account, open one interaction's legs, export a month to CSV.
// With no credentials it runs against the embedded emulator.
var baseUrl = SampleArguments.BaseUrl("KAZOO_BASE_URL", "Kazoo API address including /v2");
var authToken = new Option<string?>("--auth-token") { Description = "A ready X-Auth-Token (env KAZOO_AUTH_TOKEN)." };
var apiKey = new Option<string?>("--api-key") { Description = "An account API key, exchanged for a token (env KAZOO_API_KEY)." };
var accountId = new Option<string?>("--account-id") { Description = "The account to read (env KAZOO_ACCOUNT_ID)." };
var output = new Option<FileInfo>("--out") { Description = "Where to write the month's CSV.", DefaultValueFactory = _ => new FileInfo("kazoo-cdrs.csv") };

var root = new RootCommand("CdrSdk Kazoo walk-through: a day of CDRs, one interaction's legs, a month of CSV.")
{
    baseUrl, authToken, apiKey, accountId, output,
};
root.SetAction((parse, cancellationToken) => RunAsync(
    parse.GetValue(baseUrl),
    SampleArguments.OrEnvironment(parse.GetValue(authToken), "KAZOO_AUTH_TOKEN"),
    SampleArguments.OrEnvironment(parse.GetValue(apiKey), "KAZOO_API_KEY"),
    SampleArguments.OrEnvironment(parse.GetValue(accountId), "KAZOO_ACCOUNT_ID"),
    parse.GetValue(output)!,
    cancellationToken));
return await root.Parse(args).InvokeAsync();

static async Task<int> RunAsync(Uri? baseUrl, string? authToken, string? apiKey, string? account, FileInfo output, CancellationToken cancellationToken)
{
    CdrEmulator? emulator = null;
    try
    {
        var options = new CdrClientOptions();
        if (baseUrl is null)
        {
            emulator = await CdrEmulator.StartAsync(cancellationToken: cancellationToken);
            AnsiConsole.MarkupLine($"[grey]No --base-url given: using the embedded emulator at {emulator.KazooBaseAddress}.[/]");
            options.Kazoo.BaseAddress = emulator.KazooBaseAddress;
            options.Kazoo.ApiKey = emulator.Options.KazooApiKey;
            account ??= KazooDataSet.AccountIds[0];
        }
        else
        {
            options.Kazoo.BaseAddress = baseUrl;
            options.Kazoo.AuthToken = authToken;
            options.Kazoo.ApiKey = authToken is null ? apiKey : null;
        }

        if (string.IsNullOrWhiteSpace(account))
        {
            AnsiConsole.MarkupLine("[red]--account-id (or KAZOO_ACCOUNT_ID) is required with --base-url.[/]");
            return 2;
        }

        await using var client = new CdrClient(options);
        var today = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero);

        var interactionId = await ListDayAsync(client.Kazoo, account, today.AddDays(-1), cancellationToken);
        if (interactionId is not null)
        {
            await ShowLegsAsync(client.Kazoo, account, interactionId, cancellationToken);
        }

        await ExportMonthAsync(client.Kazoo, account, today.AddDays(-30), today, output, cancellationToken);
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

static async Task<string?> ListDayAsync(IKazooClient kazoo, string account, DateTimeOffset day, CancellationToken cancellationToken)
{
    var table = SampleTable.Create(
        SampleTable.Fixed("time UTC"), SampleTable.Fixed("dir"), SampleTable.Fixed("caller"), SampleTable.Fixed("callee"),
        SampleTable.Number("secs"), SampleTable.Text("hangup"));
    var count = 0;
    string? firstInteraction = null;
    await foreach (var cdr in kazoo.Cdrs.ListAsync(account, new KazooCdrQuery { From = day, To = day.AddDays(1), PageSize = 100 }, cancellationToken))
    {
        firstInteraction ??= cdr.InteractionId;
        if (count++ < 8)
        {
            SampleTable.AddRow(table, cdr.Timestamp?.ToString("HH:mm:ss", CultureInfo.InvariantCulture), SampleTable.Direction(cdr.Direction),
                cdr.CallerIdNumber, cdr.CalleeIdNumber, SampleTable.Whole(cdr.DurationSeconds), cdr.HangupCause);
        }
    }

    AnsiConsole.MarkupLine($"[bold]{count}[/] CDRs on {day:yyyy-MM-dd} for account {account}; the first 8:");
    AnsiConsole.Write(table);
    return firstInteraction;
}

static async Task ShowLegsAsync(IKazooClient kazoo, string account, string interactionId, CancellationToken cancellationToken)
{
    var legs = await kazoo.Interactions.GetLegsAsync(account, interactionId, cancellationToken);
    var table = SampleTable.Create(
        SampleTable.Fixed("leg call id"), SampleTable.Fixed("direction"), SampleTable.Number("billing s"), SampleTable.Text("hangup"));
    foreach (var leg in legs)
    {
        SampleTable.AddRow(table, leg.CallId, leg.CallDirection, SampleTable.Whole(leg.BillingSeconds), leg.HangupCause);
    }

    var parties = legs.Count > 0 ? $" ({legs[0].CallerIdNumber} to {legs[0].CalleeIdNumber})" : string.Empty;
    AnsiConsole.MarkupLine($"Interaction [bold]{interactionId}[/]{Markup.Escape(parties)} has {legs.Count} legs:");
    AnsiConsole.Write(table);
}

static async Task ExportMonthAsync(IKazooClient kazoo, string account, DateTimeOffset from, DateTimeOffset to, FileInfo output, CancellationToken cancellationToken)
{
    var rows = 0L;
    await AnsiConsole.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
        .StartAsync(async context =>
        {
            var task = context.AddTask($"Exporting {from:yyyy-MM-dd}..{to:yyyy-MM-dd}", maxValue: (to - from).TotalSeconds);
            var file = output.Create();
            await using (file)
            {
                var csv = CsvWriter.Create(file, CsvWriterOptions.Default);
                await using (csv)
                {
                    var header = false;
                    await foreach (var row in kazoo.Cdrs.ReadCsvAsync(account, new KazooCdrQuery { From = from, To = to, Ascending = true }, cancellationToken))
                    {
                        if (!header)
                        {
                            csv.WriteHeader(row.Columns.ToArray());
                            header = true;
                        }

                        await csv.WriteRecordAsync(Enumerable.Range(0, row.FieldCount).Select(i => row[i]).ToArray(), cancellationToken);
                        rows++;
                        if (row.Timestamp is { } at)
                        {
                            task.Value = Math.Clamp((at - from).TotalSeconds, 0, task.MaxValue);
                            task.Description = $"Exporting: {rows:N0} rows";
                        }
                    }
                }
            }

            task.Value = task.MaxValue;
        });
    AnsiConsole.MarkupLine($"Wrote [bold]{rows:N0}[/] rows to {Markup.Escape(output.FullName)}.");
}
