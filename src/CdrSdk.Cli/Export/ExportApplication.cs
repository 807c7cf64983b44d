using Spectre.Console;

namespace CdrSdk.Tool.Export;

/// <summary>
/// <c>cdr export</c> from parsed settings to exit code: connect (or start the emulator), build the source, run
/// the export with a progress display, and explain every failure in one message. Exit codes: 0 done, 1 the
/// provider failed (resumable), 2 bad input, 130 cancelled (resumable).
/// </summary>
internal sealed class ExportApplication
{
    private readonly IAnsiConsole _console;
    private readonly ProviderEnvironment _environment;
    private readonly string _emulatorState;
    private readonly TimeProvider _time;

    public ExportApplication(IAnsiConsole console, ProviderEnvironment environment, string emulatorState, TimeProvider time)
    {
        _console = console;
        _environment = environment;
        _emulatorState = emulatorState;
        _time = time;
    }

    /// <summary>Where the emulator keeps report requests between runs: a folder under the temporary directory.</summary>
    public static string DefaultEmulatorState => Path.Combine(Path.GetTempPath(), "cdrsdk-emulator");

    public async Task<int> RunAsync(ExportSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            if (settings.Since >= settings.Until)
            {
                throw new ExportException($"--from must be before --to, but {Iso(settings.Since)} is not before {Iso(settings.Until)}.");
            }

            var options = ClientOptionsBuilder.Build(settings, _environment);
            var connection = await ExportConnection.OpenAsync(settings, options, _emulatorState, null, cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var provider = Name(settings.Provider);
                _console.MarkupLine(connection.Emulator is null
                    ? $"[grey]Exporting {provider} records from {Markup.Escape(connection.Target)}.[/]"
                    : $"[grey]No address or credentials for {provider}: using the embedded emulator (give --api-key or set the provider's variables to reach the real API).[/]");
                var source = ExportSources.Create(settings, connection);
                var identity = ExportIdentity.Of(settings, connection.Target, connection.DefaultKazooAccount);
                var state = await RunWithProgressAsync(settings, identity, source, cancellationToken).ConfigureAwait(false);
                _console.MarkupLine($"Exported [bold]{state.Records:N0}[/] records in {state.Pages:N0} pages to {Markup.Escape(settings.Output.FullName)}.");
                return 0;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _console.MarkupLine("[yellow]Stopped.[/] " + ResumeHint(settings));
            return 130;
        }
        catch (ExportException ex)
        {
            _console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return 2;
        }
        catch (CdrValidationException ex)
        {
            _console.MarkupLine($"[red]Invalid request:[/] {Markup.Escape(ex.Message)}");
            return 2;
        }
        catch (CdrException ex)
        {
            _console.MarkupLine($"[red]{ex.GetType().Name}:[/] {Markup.Escape(ex.Message)}");
            if (settings.StateFile.Exists)
            {
                _console.MarkupLine(ResumeHint(settings));
            }

            return 1;
        }
    }

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Name(CdrProvider provider) => provider.ToString().ToLowerInvariant();

    private static string ResumeHint(ExportSettings settings) =>
        new ExportStateFile(settings.StateFile).Exists
            ? $"What was written so far is in {Markup.Escape(settings.Output.Name)}; run the same command with [bold]--resume[/] to continue where it stopped."
            : "Nothing was written.";

    private async Task<ExportState> RunWithProgressAsync(ExportSettings settings, string identity, ICdrSource source, CancellationToken cancellationToken)
    {
        if (settings.Quiet || !_console.Profile.Capabilities.Interactive)
        {
            return await new ExportRunner(SilentObserver.Instance, _time).RunAsync(settings, identity, source, cancellationToken).ConfigureAwait(false);
        }

        using var retries = new RetryCounter();
        return await _console.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", maxValue: 1);
                var observer = new ProgressObserver(task, retries, _time);
                return await new ExportRunner(observer, _time).RunAsync(settings, identity, source, cancellationToken).ConfigureAwait(false);
            })
            .ConfigureAwait(false);
    }
}
