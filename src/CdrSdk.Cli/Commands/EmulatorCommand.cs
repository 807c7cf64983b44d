using System.CommandLine;
using System.Globalization;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Tool.Terminal;
using Spectre.Console;

namespace CdrSdk.Tool.Commands;

/// <summary>
/// <c>cdr emulator</c>: runs the emulator of all four APIs on loopback until Ctrl+C. Its addresses and credentials
/// are the command's data (standard output); the hints go to standard error.
/// </summary>
internal static class EmulatorCommand
{
    public static Command Create(CliHost host)
    {
        var port = new Option<int>("--port") { Description = "The API port (0 picks a free one).", DefaultValueFactory = _ => 5080, CustomParser = OptionChecks.Integer(0, 65535) };
        var downloadPort = new Option<int>("--download-port")
        {
            Description = "The port of the download origin (0 picks a free one).",
            DefaultValueFactory = _ => 5081,
            CustomParser = OptionChecks.Integer(0, 65535),
        };
        var reportDelay = new Option<double>("--report-delay")
        {
            Description = "Seconds a Telnyx report stays pending.",
            DefaultValueFactory = _ => 2,
            CustomParser = OptionChecks.Seconds(0, 3600),
        };
        var seed = new Option<int>("--seed") { Description = "The data set's seed: the same seed serves the same records.", DefaultValueFactory = _ => 42, CustomParser = OptionChecks.Integer(int.MinValue, int.MaxValue) };
        var state = new Option<DirectoryInfo?>("--state") { Description = "Keep Telnyx report requests in this directory, across restarts." };
        var live = new Option<bool>("--live") { Description = "Live mode: records arrive with the clock (nothing from the future), 5 % of them 2 hours late, 5 % changed 30 minutes after they appeared." };

        var command = new Command("emulator", "Run the local emulator of the Telnyx, Voiso, TSG and Kazoo APIs on loopback until Ctrl+C.")
        {
            port, downloadPort, reportDelay, seed, state, live,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = host.ContextFor(parse);
            var options = new CdrEmulatorOptions
            {
                Port = parse.GetValue(port),
                DownloadPort = parse.GetValue(downloadPort),
                ReportCompletionDelay = TimeSpan.FromSeconds(parse.GetValue(reportDelay)),
                Seed = parse.GetValue(seed),
                StateDirectory = parse.GetValue(state)?.FullName,
                EnableConsoleLogging = context.Verbose,
                Live = parse.GetValue(live) ? new EmulatorLiveOptions() : null,
            };
            CdrEmulator emulator;
            try
            {
                emulator = await CdrEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                var busy = ex.Message.Contains($":{options.DownloadPort}", StringComparison.Ordinal) && options.DownloadPort != 0 ? "--download-port" : "--port";
                var number = busy == "--port" ? options.Port : options.DownloadPort;
                throw new UsageException(
                    string.Create(CultureInfo.InvariantCulture, $"{busy} {number} cannot be used on {options.Host}: {ex.Message} Choose another port, or 0 for a free one."), ex);
            }

            await using (emulator.ConfigureAwait(false))
            {
                PrintAddresses(context.Out, emulator);
                if (context.ShowsNotes)
                {
                    context.Error.MarkupLine("[grey]These are the emulator's own test credentials. Press Ctrl+C to stop.[/]");
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    if (context.ShowsSummary)
                    {
                        context.Error.WriteLine("Stopped.");
                    }
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void PrintAddresses(IAnsiConsole console, CdrEmulator emulator)
    {
        var o = emulator.Options;
        var table = new Table().AddColumns("API", "base address", "credentials");
        table.AddRow("Telnyx v1", emulator.TelnyxV1BaseAddress.ToString(), Markup.Escape($"x-api-user: {o.TelnyxApiUser}, x-api-token: {o.TelnyxApiKey}"));
        table.AddRow("Telnyx v2", emulator.TelnyxV2BaseAddress.ToString(), Markup.Escape($"Bearer {o.TelnyxApiKey}"));
        table.AddRow("Voiso", emulator.VoisoBaseAddress.ToString(), Markup.Escape($"Bearer {o.VoisoApiKey}"));
        table.AddRow("TSG", emulator.TsgBaseAddress.ToString(), Markup.Escape($"Bearer {o.TsgStaticToken}, or /account/login {o.TsgEmail} / {o.TsgPassword}"));
        table.AddRow("Kazoo", emulator.KazooBaseAddress.ToString(), Markup.Escape($"X-Auth-Token {o.KazooStaticToken}, or api_auth {o.KazooApiKey}; accounts {string.Join(", ", KazooDataSet.AccountIds)}"));
        console.WriteLine($"CdrSdk emulator on {emulator.BaseAddress} (downloads on {emulator.DownloadBaseAddress}).");
        console.Write(table);
    }
}
