namespace CdrSdk.Core.Http;

/// <summary>
/// A response body stream that disposes its <see cref="HttpResponseMessage"/> with it, and optionally stops a body
/// larger than a limit (<see cref="ResponseTooLargeException"/>) before it fills the memory of the reader.
/// </summary>
internal sealed class ResponseStream : ReadOnlyStream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _inner;
    private readonly long _maxBytes;
    private long _read;

    private ResponseStream(HttpResponseMessage response, Stream inner, long? maxBytes)
    {
        _response = response;
        _inner = inner;
        _maxBytes = maxBytes ?? long.MaxValue;
    }

    public override bool CanRead => _inner.CanRead;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => throw new NotSupportedException();
    }

    /// <summary>Opens the body of a successful response; the response is disposed with the stream (or now, on failure).</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <param name="maxBytes">The most bytes the body may have; <see langword="null"/> for no limit.</param>
    /// <exception cref="ResponseTooLargeException">The declared <c>Content-Length</c> is above <paramref name="maxBytes"/> (reads check the rest).</exception>
    public static async Task<Stream> OpenAsync(HttpResponseMessage response, CancellationToken cancellationToken, long? maxBytes = null)
    {
        try
        {
            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new ResponseTooLargeException(maxBytes.Value);
            }

            var inner = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ResponseStream(response, inner, maxBytes);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    private int Count(int read)
    {
        _read += read;
        return _read > _maxBytes ? throw new ResponseTooLargeException(_maxBytes) : read;
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }
}
