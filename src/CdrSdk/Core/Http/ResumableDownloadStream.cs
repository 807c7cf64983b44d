using System.Net;
using System.Net.Http.Headers;

namespace CdrSdk.Core.Http;

/// <summary>
/// A downloaded file's body that survives a connection lost mid-way: it remembers how many bytes it handed out,
/// asks again for the rest (<c>Range: bytes=N-</c>, with <c>If-Range</c> on the first response's
/// <c>ETag</c> or <c>Last-Modified</c>), and continues exactly where it stopped. A server that ignores the range
/// answers the whole file again: when its validators are the first answer's (or it sends none), the bytes already
/// handed out are read and dropped; when they differ, the file changed meanwhile and the read ends with a
/// <see cref="CdrTransportException"/> (<see cref="CdrTransportFailure.InvalidResponse"/>) rather than stitching two
/// files together. Nothing is repeated or lost for the reader (a CSV row reader above sees one unbroken body).
/// After the resilience settings' <c>MaxRetries</c> resumptions a lost connection is a
/// <see cref="CdrTransportException"/> (<see cref="CdrTransportFailure.Network"/>). The body is read over HTTP,
/// so only the asynchronous reads are offered (no sync-over-async).
/// </summary>
internal sealed class ResumableDownloadStream : ReadOnlyStream
{
    private readonly Func<RangeHeaderValue?, EntityTagHeaderValue?, DateTimeOffset?, CancellationToken, Task<HttpResponseMessage>> _get;
    private readonly int _maxResumes;
    private readonly CdrProvider _provider;
    private readonly Action<long, int> _onResume;
    private readonly EntityTagHeaderValue? _etag;
    private readonly DateTimeOffset? _lastModified;
    private HttpResponseMessage _response;
    private Stream _body;
    private long _position;
    private int _resumes;

    private ResumableDownloadStream(
        HttpResponseMessage response,
        Stream body,
        Func<RangeHeaderValue?, EntityTagHeaderValue?, DateTimeOffset?, CancellationToken, Task<HttpResponseMessage>> get,
        int maxResumes,
        CdrProvider provider,
        Action<long, int> onResume)
    {
        _provider = provider;
        _response = response;
        _body = body;
        _get = get;
        _maxResumes = maxResumes;
        _onResume = onResume;
        _etag = response.Headers.ETag is { IsWeak: false } etag ? etag : null;
        _lastModified = response.Content.Headers.LastModified;
    }

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <param name="get">Sends the GET: no range for the first request; the range and validators for a resumption.</param>
    /// <param name="maxResumes">How many times a lost connection is resumed.</param>
    /// <param name="provider">The provider the file belongs to, for the error once resumptions run out.</param>
    /// <param name="onResume">Told the offset and the attempt of each resumption (for logs).</param>
    /// <param name="cancellationToken">Cancels the first request.</param>
    public static async Task<Stream> OpenAsync(
        Func<RangeHeaderValue?, EntityTagHeaderValue?, DateTimeOffset?, CancellationToken, Task<HttpResponseMessage>> get,
        int maxResumes,
        CdrProvider provider,
        Action<long, int> onResume,
        CancellationToken cancellationToken)
    {
        var response = await get(null, null, null, cancellationToken).ConfigureAwait(false);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ResumableDownloadStream(response, body, get, maxResumes, provider, onResume);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw AsyncOnly.ReadNotSupported();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            try
            {
                var read = await _body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                _position += read;
                return read;
            }
            catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (_resumes == _maxResumes)
                {
                    throw new CdrTransportException(
                        $"The download was cut off after {_position} bytes and could not be resumed ({_resumes} resumptions): {ex.Message}", ex)
                    {
                        Provider = _provider,
                        Failure = CdrTransportFailure.Network,
                    };
                }

                _resumes++;
                _onResume(_position, _resumes);
                await ResumeAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _body.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        await _body.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
        _response = await _get(new RangeHeaderValue(_position, null), _etag, _lastModified, cancellationToken).ConfigureAwait(false);
        _body = await _response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (_response.StatusCode == HttpStatusCode.PartialContent)
        {
            if (_response.Content.Headers.ContentRange is not { From: { } from } || from != _position)
            {
                throw new CdrTransportException($"The server resumed the download at byte {_response.Content.Headers.ContentRange?.From}, not at {_position}.")
                {
                    Provider = _provider,
                    Failure = CdrTransportFailure.InvalidResponse,
                };
            }

            return;
        }

        // The server sent the whole file again: it ignores ranges (same file: drop what the reader already has), or
        // the file changed and If-Range failed (a different file: the bytes read so far belong to the old one).
        if (Changed(_response))
        {
            throw new CdrTransportException($"The file changed while it was being downloaded (after {_position} bytes were read): start the download again.")
            {
                Provider = _provider,
                Failure = CdrTransportFailure.InvalidResponse,
            };
        }

        await SkipAsync(_position, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a full answer is a different version of the file than the first one (by its validators).</summary>
    private bool Changed(HttpResponseMessage response)
    {
        if (_etag is not null)
        {
            return response.Headers.ETag is { } etag && !string.Equals(etag.Tag, _etag.Tag, StringComparison.Ordinal);
        }

        return _lastModified is { } first && response.Content.Headers.LastModified is { } now && now != first;
    }

    private async Task SkipAsync(long count, CancellationToken cancellationToken)
    {
        var scratch = new byte[64 * 1024];
        while (count > 0)
        {
            var read = await _body.ReadAsync(scratch.AsMemory(0, (int)Math.Min(scratch.Length, count)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new CdrTransportException($"The download restarted but ended after {_position - count} bytes, before the {_position} already read.")
                {
                    Provider = _provider,
                    Failure = CdrTransportFailure.InvalidResponse,
                };
            }

            count -= read;
        }
    }
}
