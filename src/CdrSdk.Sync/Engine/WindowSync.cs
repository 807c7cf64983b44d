using System.Diagnostics;
using System.Runtime.ExceptionServices;
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
/// a batch commits, the next commit waiting for it; a window's last commit, too, runs while the next window is read,
/// and the window is done (counted, its watermark reported) once it has ended, which the next window's first commit,
/// a failure while it is read, or <see cref="FinishAsync"/> after the last window, waits for (its failure then wins). A window after the watermark is written as new rows
/// (<see cref="ISyncBatchWriter.AssumeNew"/>); when one of its keys turns out to be stored already, what was not
/// committed is rolled back and read again from the last commit's token, merged (an earlier window's too, when its last
/// commit is the one that met the key). Pages are mapped into rows a page ahead of the appends (<see cref="MappedPageReader"/>).
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

    /// <summary>The commit running in the background, if any, with the token its checkpoint saves and the window it finishes (a window's last).</summary>
    private (Task<CdrSyncCounts> Task, long Started, string? Token, FinishingWindow? Finishes)? _running;

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
        var assumeNew = _run.Resync is null && (watermark is null || window.Start >= watermark);
        var newWatermark = !advance || watermark is { } w && w > window.End ? watermark : window.End;
        await ReadWindowAsync(new FinishingWindow(window, token, watermark, newWatermark), assumeNew, activity, cancellationToken).ConfigureAwait(false);
        return newWatermark;
    }

    /// <summary>Waits for the last window's last commit, so that every window is done (or that commit's failure is thrown).</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await CompleteRunningAsync(observeFailure: true).ConfigureAwait(false);
                return;
            }
            catch (EarlierWindowConflictException conflict)
            {
                await MergeEarlierWindowAsync(conflict, activity: null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Reads a window from its token and starts its last commit, reading it again where the provider lost the position
    /// or a key turned out to be stored already.
    /// </summary>
    private async Task ReadWindowAsync(FinishingWindow window, bool assumeNew, Activity? activity, CancellationToken cancellationToken)
    {
        var token = window.Token;
        _writer.AssumeNew = assumeNew;
        _committedToken = token;
        while (true)
        {
            try
            {
                await ReadAsync(window.Window, token, window.Watermark, cancellationToken).ConfigureAwait(false);

                await CommitAsync(new SyncCheckpoint(window.Window, null, window.NewWatermark, _owner, _time.GetUtcNow()), wait: false, window).ConfigureAwait(false);
                return;
            }
            catch (EarlierWindowConflictException conflict)
            {
                // Nothing of this window was committed (its first commit waits for the one before): read the earlier
                // window again, merged, then this one from its start.
                await MergeEarlierWindowAsync(conflict, activity, cancellationToken).ConfigureAwait(false);
                (token, _writer.AssumeNew, _committedToken) = (window.Token, assumeNew, window.Token);
            }
            catch (Exception ex) when (token is not null && IsStaleToken(ex))
            {
                // The provider no longer knows the saved position (an expired cursor, a report gone): read the window
                // again from its start. What was committed of it is upserted again, so nothing is duplicated.
                await _writer.DiscardAsync(CancellationToken.None).ConfigureAwait(false);
                activity?.AddEvent(new ActivityEvent("cdr.sync.window.restarted"));
                (token, _committedToken) = (null, null);
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
    }

    /// <summary>
    /// The last commit of an earlier window met a stored key and was rolled back: drops what was staged since, reads
    /// that window again from its last committed position, merged, and waits for its commit.
    /// </summary>
    private async Task MergeEarlierWindowAsync(EarlierWindowConflictException conflict, Activity? activity, CancellationToken cancellationToken)
    {
        await _writer.DiscardAsync(CancellationToken.None).ConfigureAwait(false);
        activity?.AddEvent(new ActivityEvent("cdr.sync.window.merging"));
        var current = _run.Window;
        _run.Window = conflict.Window.Window;
        try
        {
            await ReadWindowAsync(conflict.Window, assumeNew: false, activity, cancellationToken).ConfigureAwait(false);
            await CompleteRunningAsync(observeFailure: true).ConfigureAwait(false);
        }
        finally
        {
            _run.Window = current;
        }
    }

    private async Task ReadAsync(SyncWindow window, string? token, DateTimeOffset? watermark, CancellationToken cancellationToken)
    {
        var first = true;
        string? lastToken = token;
        try
        {
            // Inside the try: making the listing validates its arguments, and a running commit must still end and be counted.
            var pages = _run.Source.Records.ListAsync(window.Start, window.End, cancellationToken).AsPages(token, _run.Source.PageSize);
            var reader = new MappedPageReader(pages, _run.Source.Name, cancellationToken);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } page)
                {
                    SyncFaultPoints.Reach(SyncFaultPoints.PageFetched, _run.Source.Name);
                    if (first && token is null && page.Rows.Count == 0 && page.ContinuationToken is not null && _writer.Pending == 0)
                    {
                        // The window's listing exists on the provider's side (a Telnyx report): remember it before reading on.
                        await CommitAsync(new SyncCheckpoint(window, page.ContinuationToken, watermark, _owner, _time.GetUtcNow()), wait: true, finishes: null).ConfigureAwait(false);
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
                        await CommitAsync(new SyncCheckpoint(window, page.ContinuationToken, watermark, _owner, _time.GetUtcNow()), wait: false, finishes: null).ConfigureAwait(false);
                    }

                    _run.Report(CdrSyncPhase.Reading);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && _store.CommitsWithinWindow && lastToken is not null)
        {
            // Stopping: keep what was read, and where the window continues.
            await CommitAsync(new SyncCheckpoint(window, lastToken, watermark, _owner, _time.GetUtcNow()), wait: true, finishes: null).ConfigureAwait(false);
            throw;
        }
        catch
        {
            // A failure while a commit runs: let it end (its rows are committed or not, atomically) before giving up. A
            // commit of this window is read again anyway; an earlier window's last commit is not, so its failure wins
            // (a stored key then has that window merged again, and this one read from its start).
            await CompleteRunningAsync(observeFailure: _running is { Finishes: not null }).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Starts a commit after the one still running has ended; with <paramref name="wait"/> (or a store that does not
    /// commit in the background) waits for it too. Commits are let finish even when the run is being cancelled.
    /// <paramref name="finishes"/> is the window that a window's last commit finishes.
    /// </summary>
    private async Task CommitAsync(SyncCheckpoint checkpoint, bool wait, FinishingWindow? finishes)
    {
        await CompleteRunningAsync(observeFailure: true).ConfigureAwait(false);

        // Should a window's last commit meet a stored key, the window is merged again from its last committed position.
        finishes = finishes is null ? null : finishes with { Token = _committedToken };
        _run.Report(CdrSyncPhase.Committing);
        var started = _time.GetTimestamp();
        _running = (_writer.CommitAsync(checkpoint, CancellationToken.None), started, checkpoint.ResumeToken, finishes);
        if (wait || !_writer.CommitsInBackground)
        {
            try
            {
                await CompleteRunningAsync(observeFailure: true).ConfigureAwait(false);
            }
            catch (EarlierWindowConflictException own) when (ReferenceEquals(own.Window, finishes))
            {
                // Not an earlier window's: the window being read met the key, and merges itself.
                ExceptionDispatchInfo.Throw(own.InnerException!);
            }
        }
    }

    /// <summary>Waits for the commit still running, if any, and counts what it did (and the window it finishes).</summary>
    /// <exception cref="EarlierWindowConflictException">A window's last commit met a stored key (and was rolled back).</exception>
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
            catch (SyncKeyConflictException ex) when (observeFailure && running.Finishes is not null)
            {
                throw new EarlierWindowConflictException(running.Finishes, ex);
            }
            catch when (!observeFailure)
            {
                return;
            }

            activity?.SetTag("cdrsdk.sync.records", counts.Inserted + counts.Updated + counts.Unchanged);
        }

        _run.Counts += counts;
        var source = SyncTelemetry.SourceTag(_run.Source.Name);
        var provider = SyncTelemetry.ProviderTag(_run.Source.Provider);
        _telemetry.Commits.Record(_time.GetElapsedTime(running.Started).TotalSeconds, source);
        Count(counts.Inserted, "inserted", source, provider);
        Count(counts.Updated, "updated", source, provider);
        Count(counts.Unchanged, "unchanged", source, provider);
        if (running.Finishes is { } done)
        {
            _run.WindowsDone++;
            _run.Watermark = done.NewWatermark;
            _telemetry.Windows.Add(1, source, provider);
            _run.Report(CdrSyncPhase.Reading);
        }
        else
        {
            // A window's last commit moves no position within a window: the next window starts at its own token.
            _committedToken = running.Token;
        }
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
