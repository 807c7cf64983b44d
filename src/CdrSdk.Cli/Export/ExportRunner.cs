using CdrSdk.Tool.Output;

namespace CdrSdk.Tool.Export;

/// <summary>
/// Runs one export: pages from the source are written to the output, and after each page the output is flushed
/// and the state saved (output length, records, and the token of the next page). Cancelling or failing leaves
/// the output at the last saved page and the state file next to it; <c>--resume</c> cuts the output back to the
/// saved length and continues from the saved token, so a resumed export writes the same bytes an uninterrupted
/// one would.
/// </summary>
internal sealed class ExportRunner
{
    private readonly IExportObserver _observer;
    private readonly TimeProvider _time;

    public ExportRunner(IExportObserver observer, TimeProvider time)
    {
        _observer = observer;
        _time = time;
    }

    /// <summary>Exports [since, until) of the source into the output.</summary>
    /// <param name="job">The range, files, format and page size (the credentials are not used here).</param>
    /// <param name="identity">The arguments that decide the content (<see cref="ExportIdentity"/>); a resume must match.</param>
    /// <param name="source">Where the records come from.</param>
    /// <param name="cancellationToken">Stops the export between pages.</param>
    /// <returns>What was written in all runs of this export together.</returns>
    /// <exception cref="ExportException">The output or state file is not in a state this run can use.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the state file allows a resume.</exception>
    /// <exception cref="CdrException">The provider failed; the state file allows a resume.</exception>
    public async Task<ExportState> RunAsync(ExportSettings job, string identity, ICdrSource source, CancellationToken cancellationToken)
    {
        var stateFile = new ExportStateFile(job.StateFile);
        var state = await StartingStateAsync(job, identity, stateFile, cancellationToken).ConfigureAwait(false);
        if (state.Completed)
        {
            // The last run wrote everything and stopped before removing its state file.
            stateFile.Delete();
            _observer.Completed(state);
            return state;
        }

        // Everything from here on is checked; now the output may be touched.
        var fresh = !job.Resume;
        var pages = source.ListAsync(job.Since, job.Until, cancellationToken).AsPages(state.ContinuationToken, job.PageSize);
        var output = new FileStream(job.Output.FullName, fresh ? FileMode.Create : FileMode.Open, FileAccess.Write, FileShare.Read, 64 * 1024);
        await using (output.ConfigureAwait(false))
        {
            output.SetLength(state.Bytes);
            output.Position = state.Bytes;
            var writer = CreateWriter(job, output);
            await using (writer.ConfigureAwait(false))
            {
                if (fresh)
                {
                    await writer.WriteHeaderAsync(CancellationToken.None).ConfigureAwait(false);
                    state = await SaveAsync(stateFile, state, writer, output, null, 0, 0).ConfigureAwait(false);
                }

                _observer.Started(state);
                await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    // A page is written whole: cancellation is honoured between pages, never halfway through one.
                    foreach (var record in page.Values)
                    {
                        await writer.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
                    }

                    state = await SaveAsync(stateFile, state, writer, output, page.ContinuationToken, page.Values.Count, 1).ConfigureAwait(false);
                    _observer.PageWritten(state, page.Values.Count);
                }
            }
        }

        stateFile.Delete();
        _observer.Completed(state);
        return state;
    }

    private static ICallRecordWriter CreateWriter(ExportSettings job, Stream output) => job.Format switch
    {
        OutputFormat.Jsonl => new JsonLinesCallRecordWriter(output),
        _ => new CsvCallRecordWriter(output, job.SpreadsheetSafe),
    };

    private async Task<ExportState> StartingStateAsync(ExportSettings job, string identity, ExportStateFile stateFile, CancellationToken cancellationToken)
    {
        if (!job.Resume)
        {
            if (stateFile.Exists)
            {
                throw new ExportException(
                    $"{job.Output.Name} holds an interrupted export ({stateFile.Path} exists): add --resume to continue it, or delete the state file to start over.");
            }

            return new ExportState { Identity = identity, UpdatedAt = _time.GetUtcNow() };
        }

        if (!stateFile.Exists)
        {
            throw new ExportException($"There is no interrupted export of {job.Output.Name} to resume ({stateFile.Path} does not exist): run the command without --resume.");
        }

        var state = await stateFile.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(state.Identity, identity, StringComparison.Ordinal))
        {
            throw new ExportException(
                $"{stateFile.Path} belongs to another export.{Environment.NewLine}  It was started as: {state.Identity}{Environment.NewLine}  This command asks for: {identity}{Environment.NewLine}Resume with the original arguments, or delete the state file to start over.");
        }

        var length = File.Exists(job.Output.FullName) ? new FileInfo(job.Output.FullName).Length : -1;
        if (length < state.Bytes)
        {
            throw new ExportException(
                $"{job.Output.Name} is shorter ({Math.Max(length, 0)} bytes) than the {state.Bytes} bytes the interrupted export had written: it was changed or replaced, so it cannot be resumed. Delete {stateFile.Path} to start over.");
        }

        return state;
    }

    private async Task<ExportState> SaveAsync(ExportStateFile stateFile, ExportState state, ICallRecordWriter writer, FileStream output, string? token, int records, int pages)
    {
        await writer.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        var next = state with
        {
            ContinuationToken = token,
            Bytes = output.Position,
            Records = state.Records + records,
            Pages = state.Pages + pages,
            Completed = pages > 0 && token is null,
            UpdatedAt = _time.GetUtcNow(),
        };
        await stateFile.WriteAsync(next, CancellationToken.None).ConfigureAwait(false);
        return next;
    }
}
