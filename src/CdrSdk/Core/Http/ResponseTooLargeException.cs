namespace CdrSdk.Core.Http;

/// <summary>A response body is larger than the SDK accepts for its kind; turned into a <see cref="CdrTransportException"/> with the request named.</summary>
internal sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException(long limit)
        : base($"The response body is larger than {limit:N0} bytes.")
    {
        Limit = limit;
    }

    /// <summary>The limit the body went past.</summary>
    public long Limit { get; }
}
