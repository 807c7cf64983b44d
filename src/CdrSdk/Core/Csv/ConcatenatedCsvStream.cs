using CdrSdk.Core.Http;

namespace CdrSdk.Core.Csv;

/// <summary>
/// Presents several CSV bodies (one per time window or slice) as one file: parts are opened one after the
/// other as the reader reaches them, and the header row of every part after the first is dropped. Only the
/// current part is open at any time.
/// </summary>
internal sealed class ConcatenatedCsvStream : ReadOnlyStream
{
    private readonly Func<int, CancellationToken, Task<Stream?>> _openPart;
    private Stream? _current;
    private int _partIndex;
    private bool _skippingHeader;
    private bool _finished;

    /// <param name="openPart">Opens part <c>i</c> (0-based), or returns <see langword="null"/> when there are no more parts.</param>
    public ConcatenatedCsvStream(Func<int, CancellationToken, Task<Stream?>> openPart)
    {
        _openPart = openPart;
    }

    /// <summary>Opens the first part now, so errors of the first request surface from the call that created the stream.</summary>
    public async Task OpenFirstAsync(CancellationToken cancellationToken)
    {
        _current = await _openPart(0, cancellationToken).ConfigureAwait(false);
        _finished = _current is null;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!_finished && buffer.Length > 0)
        {
            if (_current is null)
            {
                _current = await _openPart(_partIndex, cancellationToken).ConfigureAwait(false);
                if (_current is null)
                {
                    _finished = true;
                    break;
                }

                _skippingHeader = _partIndex > 0;
            }

            var read = await _current.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                await _current.DisposeAsync().ConfigureAwait(false);
                _current = null;
                _partIndex++;
                continue;
            }

            if (!_skippingHeader)
            {
                return read;
            }

            var newline = buffer.Span[..read].IndexOf((byte)'\n');
            if (newline < 0)
            {
                continue;
            }

            _skippingHeader = false;
            var rest = read - newline - 1;
            if (rest > 0)
            {
                buffer.Span.Slice(newline + 1, rest).CopyTo(buffer.Span);
                return rest;
            }
        }

        return 0;
    }

    // The parts are fetched over HTTP: only the asynchronous reads are offered (no sync-over-async).
    public override int Read(byte[] buffer, int offset, int count) => throw AsyncOnly.ReadNotSupported();

    public override async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync().ConfigureAwait(false);
            _current = null;
        }

        _finished = true;
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Dispose();
            _current = null;
            _finished = true;
        }

        base.Dispose(disposing);
    }
}
