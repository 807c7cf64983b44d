namespace CdrSdk.Core.Http;

/// <summary>The error of a synchronous read on a stream that reads over HTTP (blocking on it would be sync-over-async).</summary>
internal static class AsyncOnly
{
    public static NotSupportedException ReadNotSupported() =>
        new("This stream reads over HTTP and offers only asynchronous reads: use ReadAsync, CopyToAsync or StreamReader.ReadLineAsync / ReadToEndAsync.");
}
