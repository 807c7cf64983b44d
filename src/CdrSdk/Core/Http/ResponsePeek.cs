using System.Net.Http.Headers;

namespace CdrSdk.Core.Http;

/// <summary>
/// Looks at the start of a response body without consuming it: a body that ends within the limit is read whole
/// (and stays readable from memory), a longer one is passed on as a stream that first replays the bytes read.
/// </summary>
internal static class ResponsePeek
{
    /// <summary>The whole body when it has at most <paramref name="limit"/> bytes; otherwise <see langword="null"/> (the body is still streamed).</summary>
    public static async Task<ReadOnlyMemory<byte>?> BufferIfSmallAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } length && length > limit)
        {
            return null;
        }

        var original = response.Content;
        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[limit + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        if (total <= limit)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            response.Content = WithHeaders(new ByteArrayContent(buffer, 0, total), original.Headers);
            original.Dispose();
            return buffer.AsMemory(0, total);
        }

        response.Content = WithHeaders(new StreamContent(new ReplayStream(buffer, stream)), original.Headers);
        return null;
    }

    private static HttpContent WithHeaders(HttpContent content, HttpContentHeaders headers)
    {
        foreach (var header in headers)
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return content;
    }

    /// <summary>The bytes already read, then the rest of the original stream.</summary>
    private sealed class ReplayStream : ReadOnlyStream
    {
        private readonly byte[] _prefix;
        private readonly Stream _rest;
        private int _position;

        public ReplayStream(byte[] prefix, Stream rest)
        {
            _prefix = prefix;
            _rest = rest;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position < _prefix.Length)
            {
                return CopyPrefix(buffer);
            }

            return _rest.Read(buffer);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _position < _prefix.Length ? ValueTask.FromResult(CopyPrefix(buffer.Span)) : _rest.ReadAsync(buffer, cancellationToken);

        public override async ValueTask DisposeAsync()
        {
            await _rest.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _rest.Dispose();
            }

            base.Dispose(disposing);
        }

        private int CopyPrefix(Span<byte> destination)
        {
            var count = Math.Min(destination.Length, _prefix.Length - _position);
            _prefix.AsSpan(_position, count).CopyTo(destination);
            _position += count;
            return count;
        }
    }
}
