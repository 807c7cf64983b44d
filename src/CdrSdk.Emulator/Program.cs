using System.Globalization;
using CdrSdk.Emulator;

// Standalone emulator: dotnet run --project src/CdrSdk.Emulator [-- --port 5080 --download-port 5081]
var options = new CdrEmulatorOptions { EnableConsoleLogging = args.Contains("--verbose") };
for (var i = 0; i < args.Length - 1; i++)
{
    switch (args[i])
    {
        case "--port":
            options.Port = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--download-port":
            options.DownloadPort = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--report-delay":
            options.ReportCompletionDelay = TimeSpan.FromSeconds(double.Parse(args[i + 1], CultureInfo.InvariantCulture));
            break;
    }
}

var emulator = await CdrEmulator.StartAsync(options).ConfigureAwait(false);
await using var emulatorLifetime = emulator.ConfigureAwait(false);
Console.WriteLine($"CdrSdk emulator listening on {emulator.BaseAddress} (downloads on {emulator.DownloadBaseAddress})");
Console.WriteLine($"  Telnyx v1: base {emulator.TelnyxV1BaseAddress}  x-api-user: {options.TelnyxApiUser}  x-api-token: {options.TelnyxApiKey}");
Console.WriteLine($"  Telnyx v2: base {emulator.TelnyxV2BaseAddress}  Authorization: Bearer {options.TelnyxApiKey}");
Console.WriteLine($"  Kazoo:     base {emulator.KazooBaseAddress}  X-Auth-Token: {options.KazooStaticToken}  (or api_auth with {options.KazooApiKey})");
Console.WriteLine($"             accounts: {string.Join(", ", CdrSdk.Emulator.Kazoo.KazooDataSet.AccountIds)}");
Console.WriteLine($"  Voiso:     base {emulator.VoisoBaseAddress}  Authorization: Bearer {options.VoisoApiKey}");
Console.WriteLine($"  TSG:       base {emulator.TsgBaseAddress}  Authorization: Bearer {options.TsgStaticToken}  (or /account/login {options.TsgEmail})");
Console.WriteLine("Press Ctrl+C to stop.");

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopped.");
}
