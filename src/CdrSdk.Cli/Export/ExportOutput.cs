using CdrSdk.Tool.Output;

namespace CdrSdk.Tool.Export;

/// <summary>
/// Where an export writes: the output (a file, or standard output for <c>--out -</c>) and, for a file, its state
/// file. Opened and checked before anything is sent; nothing is cut or written until the first page arrives, so a
/// run that ends before its first page (a refused key, a bad filter, an unreachable provider, Ctrl+C) leaves no
/// state file and no header-only output behind, and an existing file as it was. After every page the output is
/// flushed and the state saved: the output's length, the counts and the token of the next page.
/// </summary>
internal sealed class ExportOutput : IAsyncDisposable
{
    private readonly ExportSettings _job;
    private readonly Stream _stream;
    private readonly ExportStateFile? _stateFile;
    private readonly bool _created;
    private readonly TimeProvider _time;
    private ICallRecordWriter? _writer;
    private bool _touched;
    private bool _saved;
    private bool _completed;

    private ExportOutput(ExportSettings job, Stream stream, ExportStateFile? stateFile, ExportState state, bool created, TimeProvider time)
    {
        _job = job;
        _time = time;
        _stream = stream;
        _stateFile = stateFile;
        State = state;
        _created = created;
    }

    /// <summary>What all runs of this export wrote so far (the saved state of an interrupted one, when resuming).</summary>
    public ExportState State { get; private set; }

    /// <summary>Whether this run saved at least one page (so its state file allows a resume).</summary>
    public bool SavedAny => _saved;

    /// <summary>
    /// Checks the state file against the arguments (a new export over an interrupted one, a resume of nothing, of
    /// another export or of a changed file are refused) and opens the output.
    /// </summary>
    /// <exception cref="ExportException">The output or state file is not in a state this run can use.</exception>
    public static async Task<ExportOutput> OpenAsync(ExportSettings job, string identity, Func<Stream> standardOutput, TimeProvider time, CancellationToken cancellationToken)
    {
        var fresh = new ExportState { Identity = identity, UpdatedAt = time.GetUtcNow() };
        if (job.ToStandardOutput)
        {
            return new ExportOutput(job, new BufferedStream(standardOutput(), 64 * 1024), null, fresh, created: false, time);
        }

        var stateFile = new ExportStateFile(job.StateFile);
        var state = job.Resume ? await ResumedStateAsync(job, identity, stateFile, cancellationToken).ConfigureAwait(false) : fresh;
        if (!job.Resume && stateFile.Exists)
        {
            throw new ExportException(
                $"{job.Output.Name} holds an interrupted export ({stateFile.Path} exists): add --resume to continue it, or delete the state file to start over.");
        }

        var stream = OutputFile.Open(job.Output, mustExist: job.Resume, out var created);
        return new ExportOutput(job, stream, stateFile, state, created, time);
    }

    /// <summary>Writes one page whole, then flushes the output and saves the state.</summary>
    public async Task WritePageAsync(IReadOnlyList<CallRecord> records, string? continuationToken)
    {
        var writer = await BeginAsync().ConfigureAwait(false);
        foreach (var record in records)
        {
            await writer.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
        }

        await SaveAsync(writer, continuationToken, records.Count).ConfigureAwait(false);
    }

    /// <summary>Every page is written: the output is complete (a header alone when there were no records) and the state file goes.</summary>
    public async Task CompleteAsync()
    {
        var writer = await BeginAsync().ConfigureAwait(false);
        await writer.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        _stateFile?.Delete();
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        if (!_completed && !_saved && !_job.Resume && !_job.ToStandardOutput && (_created || _touched))
        {
            // Ended before its first page was saved: there is nothing to resume, so nothing is left behind.
            _job.Output.Delete();
        }
    }

    private static async Task<ExportState> ResumedStateAsync(ExportSettings job, string identity, ExportStateFile stateFile, CancellationToken cancellationToken)
    {
        if (!stateFile.Exists)
        {
            throw new ExportException($"There is no interrupted export of {job.Output.Name} to resume ({stateFile.Path} does not exist): run the command without --resume.");
        }

        var state = await stateFile.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(state.Identity, identity, StringComparison.Ordinal))
        {
            throw new ExportException(
                $"{stateFile.Path} belongs to another export. It was started as: {state.Identity}. This command asks for: {identity}. Resume with the original arguments, or delete the state file to start over.");
        }

        var length = File.Exists(job.Output.FullName) ? new FileInfo(job.Output.FullName).Length : -1;
        if (length < state.Bytes)
        {
            throw new ExportException(
                $"{job.Output.Name} is shorter ({Math.Max(length, 0)} bytes) than the {state.Bytes} bytes the interrupted export had written: it was changed or replaced, so it cannot be resumed. Delete {stateFile.Path} to start over.");
        }

        return state;
    }

    private async ValueTask<ICallRecordWriter> BeginAsync()
    {
        if (_writer is not null)
        {
            return _writer;
        }

        if (_stateFile is not null)
        {
            // A resume cuts what a crash left half-written; a new export replaces the file's old content.
            _touched = true;
            _stream.SetLength(State.Bytes);
            _stream.Position = State.Bytes;
        }

        _writer = _job.Format switch
        {
            OutputFormat.Jsonl => new JsonLinesCallRecordWriter(_stream),
            _ => new CsvCallRecordWriter(_stream, _job.SpreadsheetSafe),
        };
        if (!_job.Resume)
        {
            await _writer.WriteHeaderAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return _writer;
    }

    private async Task SaveAsync(ICallRecordWriter writer, string? token, int records)
    {
        await writer.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        State = State with
        {
            ContinuationToken = token,
            Bytes = _stateFile is null ? State.Bytes : _stream.Position,
            Records = State.Records + records,
            Pages = State.Pages + 1,
            Completed = token is null,
            UpdatedAt = _time.GetUtcNow(),
        };
        if (_stateFile is not null)
        {
            await _stateFile.WriteAsync(State, CancellationToken.None).ConfigureAwait(false);
        }

        _saved = true;
    }
}
