using System.CommandLine;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using Spectre.Console;

namespace CdrSdk.Tool.Commands;

/// <summary><c>cdr emulator</c>: runs the emulator of all four APIs on loopback until Ctrl+C, printing its addresses and credentials.</summary>
internal static class EmulatorCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var port = new Option<int>("--port") { Description = "The API port (0 picks a free one).", DefaultValueFactory = _ => 5080 };
        var downloadPort = new Option<int>("--download-port") { Description = "The port of the download origin (0 picks a free one).", DefaultValueFactory = _ => 5081 };
        var reportDelay = new Option<double>("--report-delay") { Description = "Seconds a Telnyx report stays pending.", DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { Description = "The data set's seed: the same seed serves the same records.", DefaultValueFactory = _ => 42 };
        var state = new Option<DirectoryInfo?>("--state") { Description = "Keep Telnyx report requests in this directory, across restarts." };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request." };
        var live = new Option<bool>("--live") { Description = "Live mode: records arrive with the clock (nothing from the future), 5 % of them 2 hours late, 5 % changed 30 minutes after they appeared." };
        foreach (var option in new Option[] { port, downloadPort })
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() is < 0 or > 65535)
                {
                    result.AddError($"{result.Option.Name} must be between 0 and 65535.");
                }
            });
        }

        reportDelay.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0 or > 3600)
            {
                result.AddError("--report-delay must be between 0 and 3600 seconds.");
            }
        });

        var command = new Command("emulator", "Run the local emulator of the Telnyx, Voiso, TSG and Kazoo APIs on loopback until Ctrl+C.")
        {
            port, downloadPort, reportDelay, seed, state, verbose, live,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new CdrEmulatorOptions
            {
                Port = parse.GetValue(port),
                DownloadPort = parse.GetValue(downloadPort),
                ReportCompletionDelay = TimeSpan.FromSeconds(parse.GetValue(reportDelay)),
                Seed = parse.GetValue(seed),
                StateDirectory = parse.GetValue(state)?.FullName,
                EnableConsoleLogging = parse.GetValue(verbose),
                Live = parse.GetValue(live) ? new EmulatorLiveOptions() : null,
            };
            var emulator = await CdrEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
            await using (emulator.ConfigureAwait(false))
            {
                PrintAddresses(console, emulator);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    console.MarkupLine("Stopped.");
                }
            }

            return 0;
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
        console.MarkupLine($"CdrSdk emulator on {emulator.BaseAddress} (downloads on {emulator.DownloadBaseAddress}). These are the emulator's own test credentials.");
        console.Write(table);
        console.MarkupLine("Press Ctrl+C to stop.");
    }
}
