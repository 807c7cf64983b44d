using System.CommandLine;
using System.Globalization;
using CdrSdk;
using CdrSdk.Emulator;
using CdrSdk.Samples;
using CdrSdk.Samples.Tsg;
using CdrSdk.Tsg;
using CsvHelper;
using Spectre.Console;

// TSG Global: export last week's SMS CDRs to a CSV file with a progress bar (one slice per day), then show the
// first rows. With no credentials it runs against the embedded emulator, logging in with email and password.
var baseUrl = SampleArguments.BaseUrl("TSG_BASE_URL", "API address (default https://api.portal.tsgglobal.world)");
var apiKey = new Option<string?>("--api-key") { Description = "A ready Bearer token (env TSG_API_KEY)." };
var email = new Option<string?>("--email") { Description = "Account email, exchanged with the password for a token (env TSG_EMAIL)." };
var password = new Option<string?>("--password") { Description = "Account password (env TSG_PASSWORD)." };
var days = new Option<int>("--days") { Description = "How many whole days before today to export (1 to 366).", DefaultValueFactory = _ => 7 };
var output = new Option<FileInfo>("--out") { Description = "The CSV file to write.", DefaultValueFactory = _ => new FileInfo("tsg-sms.csv") };

var root = new RootCommand("CdrSdk TSG sample: last week's SMS CDRs exported to CSV, one day per slice, with a progress bar.")
{
    baseUrl, apiKey, email, password, days, output,
};
root.SetAction((parse, cancellationToken) => RunAsync(
    new Connection(
        parse.GetValue(baseUrl),
        SampleArguments.OrEnvironment(parse.GetValue(apiKey), "TSG_API_KEY"),
        SampleArguments.OrEnvironment(parse.GetValue(email), "TSG_EMAIL"),
        SampleArguments.OrEnvironment(parse.GetValue(password), "TSG_PASSWORD")),
    parse.GetValue(days),
    parse.GetValue(output)!,
    cancellationToken));
return await root.Parse(args).InvokeAsync();

static async Task<int> RunAsync(Connection connection, int days, FileInfo output, CancellationToken cancellationToken)
{
    if (days is < 1 or > 366)
    {
        AnsiConsole.MarkupLine($"[red]--days must be between 1 and 366, but was {days}.[/]");
        return 2;
    }

    CdrEmulator? emulator = null;
    try
    {
        var options = new CdrClientOptions();
        if (connection.IsEmpty)
        {
            emulator = await CdrEmulator.StartAsync(cancellationToken: cancellationToken);
            AnsiConsole.MarkupLine($"[grey]No address or credentials given: using the embedded emulator at {emulator.TsgBaseAddress}.[/]");
            options.Tsg.BaseAddress = emulator.TsgBaseAddress;
            options.Tsg.Email = emulator.Options.TsgEmail;
            options.Tsg.Password = emulator.Options.TsgPassword;
        }
        else
        {
            options.Tsg.BaseAddress = connection.BaseUrl;
            options.Tsg.Token = connection.ApiKey;
            options.Tsg.Email = connection.ApiKey is null ? connection.Email : null;
            options.Tsg.Password = connection.ApiKey is null ? connection.Password : null;
        }

        await using var client = new CdrClient(options);
        var today = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero);
        var query = new TsgCdrQuery { Type = TsgCdrType.Sms, Start = today.AddDays(-days), End = today };

        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"SMS {query.Start:yyyy-MM-dd} to {query.End.AddDays(-1):yyyy-MM-dd}", maxValue: 1);
                var progress = new InlineProgress<TsgExportProgress>(p =>
                {
                    task.Value = p.Fraction;
                    task.Description = p.IsComplete ? $"{p.TotalSlices} days exported" : $"day {p.CompletedSlices + 1} of {p.TotalSlices}: {p.SliceStart:yyyy-MM-dd}";
                });
                await using var csv = await client.Tsg.Cdrs.ExportCsvAsync(query, progress, cancellationToken);
                await using var file = output.Create();
                await csv.CopyToAsync(file, cancellationToken);
            });

        var (count, table) = await SummarizeAsync(output, cancellationToken);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[bold]{count}[/] SMS CDRs from {query.Start:yyyy-MM-dd} to {query.End.AddDays(-1):yyyy-MM-dd} written to {Markup.Escape(output.FullName)}.");
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

// Counts the rows of the written file and shows the first ten: the columns worth a look, formatted to fit 80
// columns (the export may select other fields; those are counted, not shown).
static async Task<(int Count, Table Table)> SummarizeAsync(FileInfo file, CancellationToken cancellationToken)
{
    var wanted = new (string Field, TableColumn Column, Func<string, string?> Format)[]
    {
        ("datetime", SampleTable.Fixed("time UTC"), v => DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? SampleTable.Minute(t) : v),
        ("fromNumber", SampleTable.Fixed("from"), v => v),
        ("toNumber", SampleTable.Fixed("to"), v => v),
        ("direction", SampleTable.Fixed("dir"), SampleTable.Direction),
        ("charge", SampleTable.Number("charge"), v => v),
        ("status", SampleTable.Text("status"), v => v),
    };
    var table = new Table();
    var shown = new List<(int Index, Func<string, string?> Format)>();
    var count = 0;
    await using var stream = file.OpenRead();
    await using var reader = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = true, SkipEmptyLines = true }, leaveOpen: false);
    while (await reader.ReadAsync(cancellationToken))
    {
        if (count == 0)
        {
            var headers = reader.Headers.ToArray();
            foreach (var (field, column, format) in wanted)
            {
                var index = Array.FindIndex(headers, h => string.Equals(h, field, StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    table.AddColumn(column);
                    shown.Add((index, format));
                }
            }
        }

        if (++count <= 10 && shown.Count > 0)
        {
            SampleTable.AddRow(table, shown.Select(c => c.Format(reader.GetString(c.Index))).ToArray());
        }
    }

    return (count, table);
}
