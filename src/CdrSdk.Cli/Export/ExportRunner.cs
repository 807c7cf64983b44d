namespace CdrSdk.Tool.Export;

/// <summary>
/// Runs one export: the pages of the source, from the saved token on, are written whole to the
/// <see cref="ExportOutput"/>, which saves the state after each. Cancellation is honoured between pages, never
/// halfway through one; cancelling or failing leaves the output at the last saved page, and a resume writes the
/// same bytes an uninterrupted run would.
/// </summary>
internal sealed class ExportRunner
{
    private readonly IExportObserver _observer;

    public ExportRunner(IExportObserver observer)
    {
        _observer = observer;
    }

    /// <summary>Exports [since, until) of the source into the output.</summary>
    /// <param name="job">The range and page size.</param>
    /// <param name="output">Where the pages go; its state says where this run starts.</param>
    /// <param name="source">Where the records come from.</param>
    /// <param name="cancellationToken">Stops the export between pages.</param>
    /// <returns>What was written in all runs of this export together.</returns>
    /// <exception cref="OperationCanceledException">Cancelled; the state file allows a resume once a page was saved.</exception>
    /// <exception cref="CdrException">The provider failed; the state file allows a resume once a page was saved.</exception>
    public async Task<ExportState> RunAsync(ExportSettings job, ExportOutput output, ICdrSource source, CancellationToken cancellationToken)
    {
        _observer.Started(output.State);
        if (!output.State.Completed)
        {
            // (A completed state means the last run wrote everything and stopped before removing its state file.)
            var pages = source.ListAsync(job.Since, job.Until, cancellationToken).AsPages(output.State.ContinuationToken, job.PageSize);
            await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await output.WritePageAsync(page.Values, page.ContinuationToken).ConfigureAwait(false);
                _observer.PageWritten(output.State, page.Values.Count);
            }
        }

        await output.CompleteAsync().ConfigureAwait(false);
        _observer.Completed(output.State);
        return output.State;
    }
}
