using CdrSdk.Tool.Terminal;
using Spectre.Console;

namespace CdrSdk.Tool.Export;

/// <summary>
/// <c>cdr export</c> from parsed settings to exit code (<see cref="ExitCodes"/>): check the arguments, open the
/// output, connect (or start the emulator), run the export with live progress on a terminal, and end with a
/// one-line summary on standard error, or one line saying what failed, what was kept and how to continue.
/// </summary>
internal sealed class ExportApplication
{
    private readonly CliHost _host;
    private readonly CliContext _context;

    public ExportApplication(CliHost host, CliContext context)
    {
        _host = host;
        _context = context;
    }

    /// <summary>Where the emulator keeps report requests between runs: a folder under the temporary directory.</summary>
    public static string DefaultEmulatorState => Path.Combine(Path.GetTempPath(), "cdrsdk-emulator");

    public async Task<int> RunAsync(ExportSettings settings, CancellationToken cancellationToken)
    {
        using var retries = new RetryCounter();
        var progress = new ExportProgress(_host.Time, () => retries.Retries);
        ExportOutput? output = null;
        try
        {
            ExportRules.Check(settings);
            var options = ClientOptionsBuilder.Build(settings, _host.Environment);
            var target = ExportConnection.TargetOf(settings, options);
            var identity = ExportIdentity.Of(settings, target.Name, target.DefaultKazooAccount);
            output = await ExportOutput.OpenAsync(settings, identity, _host.OpenStandardOutput, _host.Time, cancellationToken).ConfigureAwait(false);
            await using (output.ConfigureAwait(false))
            {
                var connection = await ExportConnection.OpenAsync(settings, target, options, _host.EmulatorState, null, cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    Announce(settings, target);
                    await RunWithProgressAsync(settings, output, connection, progress, cancellationToken).ConfigureAwait(false);
                }
            }

            if (_context.ShowsSummary)
            {
                _context.Error.WriteLine(ExportMessages.Summary(settings, progress, target), Style.Plain);
            }

            return ExitCodes.Success;
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            var left = ExportMessages.Left(settings, output, ExportMessages.ResumeHint);
            return _context.Errors.Report(new CliFailure(ExitCodes.Interrupted, char.ToLowerInvariant(left[0]) + left[1..]), ex);
        }
        catch (Exception ex)
        {
            var failure = CliFailure.From(ex);
            var message = failure.ExitCode switch
            {
                ExitCodes.AccessRefused => $"{ErrorReporter.Sentence(ex.Message)} {ExportMessages.CredentialsHint(settings.Provider)}. "
                    + ExportMessages.Left(settings, output, "fix the credentials, then run the same command with --resume to continue where it stopped"),
                ExitCodes.ProviderFailed => $"{ErrorReporter.Sentence(ex.Message)} {ExportMessages.Left(settings, output, ExportMessages.ContinueAfter(ex, settings))}",
                _ => failure.Message,
            };
            return _context.Errors.Report(failure with { Message = message }, ex);
        }
    }

    private void Announce(ExportSettings settings, ExportTarget target)
    {
        if (!_context.ShowsNotes)
        {
            return;
        }

        var provider = settings.Provider.ToString().ToLowerInvariant();
        _context.Error.MarkupLine(target.Emulated
            ? $"[grey]No address or credentials for {provider}: using the embedded emulator (give --api-key or set the provider's variables to reach the real API).[/]"
            : $"[grey]Exporting {provider} records from {Markup.Escape(target.Name)}.[/]");
    }

    private async Task RunWithProgressAsync(ExportSettings settings, ExportOutput output, ExportConnection connection, ExportProgress progress, CancellationToken cancellationToken)
    {
        // (An export to standard output on a terminal would be drawn over by the live display.)
        if (!_context.ShowsLiveProgress || (settings.ToStandardOutput && _host.OutIsTerminal))
        {
            var observer = new ExportObserver(progress, null);
            var source = ExportSources.Create(settings, connection, observer);
            await new ExportRunner(observer).RunAsync(settings, output, source, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _context.Live.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async live =>
            {
                var observer = new ExportObserver(progress, live);
                var source = ExportSources.Create(settings, connection, observer);
                await new ExportRunner(observer).RunAsync(settings, output, source, cancellationToken).ConfigureAwait(false);
            })
            .ConfigureAwait(false);
    }
}
