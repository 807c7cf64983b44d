using CdrSdk.Tool.Commands;
using CdrSdk.Tool.Export;
using Spectre.Console;

return await CdrCommand.Create(AnsiConsole.Console, ProviderEnvironment.Process, ExportApplication.DefaultEmulatorState).Parse(args).InvokeAsync().ConfigureAwait(false);
