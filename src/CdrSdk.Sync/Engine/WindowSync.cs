using System.Diagnostics;
using CdrSdk.Sync.Records;
using CdrSdk.Sync.Stores;
using CdrSdk.Sync.Telemetry;
using CdrSdk.Telnyx;
using CdrSdk.Voiso;

namespace CdrSdk.Sync.Engine;

/// <summary>
/// Reads one window of a source page by page into the store's writer and commits it: every
/// <see cref="CdrSyncOptions.BatchSize"/> records with the token of the next page (stores that commit within a
/// window), and at the end with the watermark moved to the window's end. A first page that is empty but carries a
/// token (a Telnyx report that exists) is committed at once, so a crashed run resumes the same report. A store that
/// commits in the background (<see cref="ISyncBatchWriter.CommitsInBackground"/>) keeps being fed the next pages while
/// a batch commits; the next commit, and the window's end, wait for it. A window after the watermark is written as new
/// rows (<see cref="ISyncBatchWriter.AssumeNew"/>); when one of its keys turns out to be stored already, what was not
/// committed is rolled back and read again from the last commit's token, merged. Pages are mapped into rows a page
/// ahead of the appends (<see cref="MappedPageReader"/>).
/// </summary>
internal sealed class WindowSync
{
    private readonly CdrSyncStore _store;
    private readonly ISyncBatchWriter _writer;
    private readonly SourceRun _run;
    private readonly string _owner;
    private readonly int _batchSize;
    private readonly TimeProvider _time;
    private readonly SyncTelemetry _telemetry;

    /// <summary>The commit still running in the background, if any, with the token its checkpoint saves.</summary>
    private (Task<CdrSyncCounts> Task, long Started, string? Token)? _running;

    /// <summary>Where the window's committed part ends: the token of its last commit (or the one it was resumed at).</summary>
    private string? _committedToken;

    public WindowSync(CdrSyncStore store, ISyncBatchWriter writer, SourceRun run, string owner, int batchSize, TimeProvider time, SyncTelemetry telemetry)
    {
        _store = store;
        _writer = writer;
        _run = run;
        _owner = owner;
        _batchSize = batchSize;
        _time = time;
        _telemetry = telemetry;
    }

    /// <summary>
    /// Syncs the window, resuming after <paramref name="token"/> when given; returns the new watermark: the window's
    /// end when <paramref name="advance"/> (a run) and it is later, else <paramref name="watermark"/> (a resync).
    /// </summary>
    public async Task<DateTimeOffset?> RunAsync(SyncWindow window, string? token, DateTimeOffset? watermark, bool advance, CancellationToken cancellationToken)
    {
        using var activity = SyncTelemetry.ActivitySource.StartActivity("cdr.sync.window");
        activity?.SetTag("cdrsdk.sync.source", _run.Source.Name);
        activity?.SetTag("cdrsdk.sync.window.start", window.Start.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        activity?.SetTag("cdrsdk.sync.window.end", window.End.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        _run.Window = window;

        // A window after the watermark has most likely never been read, so its rows are probably all new.
        _writer.AssumeNew = _run.Resync is null && (watermark is null || window.Start >= watermark);
        _committedToken = token;
        var newWatermark = !advance || watermark is { } w && w > window.End ? watermark : window.End;
        while (true)
        {
            try
            {
                await ReadAsync(window, token, watermark, cancellationToken).ConfigureAwait(false);
                await CommitAsync(new SyncCheckpoint(window, null, newWatermark, _owner, _time.GetUtcNow()), wait: true).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (token is not null && IsStaleToken(ex))
            {
                // The provider no longer knows the saved position (an expired cursor, a report gone): read the window
                // again from its start. What was committed of it is upserted again, so nothing is duplicated.
                await _writer.DiscardAsync(CancellationToken.None).ConfigureAwait(false);
                activity?.AddEvent(new ActivityEvent("cdr.sync.window.restarted"));
                token = null;
                _writer.AssumeNew = false;
            }
            catch (SyncKeyConflictException) when (_writer.AssumeNew)
            {
                // A record of the window is in the store already (it moved windows, or the store is older than its
                // state): the batch written straight in was rolled back. Read the window again from its last committed
                // position and merge the rest of it, so every record is counted once, as inserted, updated or unchanged.
                await _writer.DiscardAsync(CancellationToken.None).ConfigureAwait(false);
                activity?.AddEvent(new ActivityEvent("cdr.sync.window.merging"));
                token = _committedToken;
                _writer.AssumeNew = false;
            }
        }

        _run.WindowsDone++;
        _run.Watermark = newWatermark;
        _telemetry.Windows.Add(1, SyncTelemetry.SourceTag(_run.Source.Name), SyncTelemetry.ProviderTag(_run.Source.Provider));
        _run.Report(CdrSyncPhase.Reading);
        return newWatermark;
    }

    private async Task ReadAsync(SyncWindow window, string? token, DateTimeOffset? watermark, CancellationToken cancellationToken)
    {
        var first = true;
        string? lastToken = token;
        var pages = _run.Source.Records.ListAsync(window.Start, window.End, cancellationToken).AsPages(token, _run.Source.PageSize);
        try
        {
            var reader = new MappedPageReader(pages, _run.Source.Name, cancellationToken);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } page)
                {
                    SyncFaultPoints.Reach(SyncFaultPoints.PageFetched, _run.Source.Name);
                    if (first && token is null && page.Rows.Count == 0 && page.ContinuationToken is not null && _writer.Pending == 0)
                    {
                        // The window's listing exists on the provider's side (a Telnyx report): remember it before reading on.
                        await CommitAsync(new SyncCheckpoint(window, page.ContinuationToken, watermark, _owner, _time.GetUtcNow()), wait: true).ConfigureAwait(false);
                    }

                    first = false;
                    foreach (var row in page.Rows)
                    {
                        await _writer.AppendAsync(row, cancellationToken).ConfigureAwait(false);
                        SyncFaultPoints.Reach(SyncFaultPoints.RowLoaded, _run.Source.Name);
                    }

                    _run.RecordsRead += page.Rows.Count;
                    lastToken = page.ContinuationToken;
                    if (_store.CommitsWithinWindow && _writer.Pending >= _batchSize && page.ContinuationToken is not null)
                    {
                        await CommitAsync(new SyncCheckpoint(window, page.ContinuationToken, watermark, _owner, _time.GetUtcNow()), wait: false).ConfigureAwait(false);
                    }

                    _run.Report(CdrSyncPhase.Reading);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && _store.CommitsWithinWindow && lastToken is not null)
        {
            // Stopping: keep what was read, and where the window continues.
            await CommitAsync(new SyncCheckpoint(window, lastToken, watermark, _owner, _time.GetUtcNow()), wait: true).ConfigureAwait(false);
            throw;
        }
        catch
        {
            // A failure while a commit runs: let it end (its rows are committed or not, atomically) before giving up.
            await CompleteRunningAsync(observeFailure: false).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Starts a commit after the one still running has ended; with <paramref name="wait"/> (or a store that does not
    /// commit in the background) waits for it too. Commits are let finish even when the run is being cancelled.
    /// </summary>
    private async Task CommitAsync(SyncCheckpoint checkpoint, bool wait)
    {
        await CompleteRunningAsync(observeFailure: true).ConfigureAwait(false);
        _run.Report(CdrSyncPhase.Committing);
        var started = _time.GetTimestamp();
        _running = (_writer.CommitAsync(checkpoint, CancellationToken.None), started, checkpoint.ResumeToken);
        if (wait || !_writer.CommitsInBackground)
        {
            await CompleteRunningAsync(observeFailure: true).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the commit still running, if any, and counts what it did.</summary>
    private async Task CompleteRunningAsync(bool observeFailure)
    {
        if (_running is not { } running)
        {
            return;
        }

        _running = null;
        CdrSyncCounts counts;
        using (var activity = SyncTelemetry.ActivitySource.StartActivity("cdr.sync.commit"))
        {
            activity?.SetTag("cdrsdk.sync.source", _run.Source.Name);
            try
            {
                counts = await running.Task.ConfigureAwait(false);
            }
            catch when (!observeFailure)
            {
                return;
            }

            activity?.SetTag("cdrsdk.sync.records", counts.Inserted + counts.Updated + counts.Unchanged);
        }

        _committedToken = running.Token;
        _run.Counts += counts;
        _telemetry.Commits.Record(_time.GetElapsedTime(running.Started).TotalSeconds, SyncTelemetry.SourceTag(_run.Source.Name));
        var source = SyncTelemetry.SourceTag(_run.Source.Name);
        var provider = SyncTelemetry.ProviderTag(_run.Source.Provider);
        Count(counts.Inserted, "inserted", source, provider);
        Count(counts.Updated, "updated", source, provider);
        Count(counts.Unchanged, "unchanged", source, provider);
    }

    private void Count(long value, string change, KeyValuePair<string, object?> source, KeyValuePair<string, object?> provider)
    {
        if (value > 0)
        {
            _telemetry.Records.Add(value, source, provider, new("cdrsdk.sync.change", change));
        }
    }

    private static bool IsStaleToken(Exception ex) =>
        ex is ArgumentException { ParamName: "continuationToken" } or VoisoInvalidCursorException or ReportOperationException;
}
