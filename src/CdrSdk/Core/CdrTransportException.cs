namespace CdrSdk;

/// <summary>
/// The request did not get a usable answer: the connection failed or dropped, an attempt or the whole call
/// timed out, the circuit breaker is open, or the response body could not be read or parsed.
/// </summary>
public sealed class CdrTransportException : CdrException
{
    /// <summary>Creates a transport exception with a generic message.</summary>
    public CdrTransportException()
        : this("The request to the provider failed.")
    {
    }

    /// <summary>Creates a transport exception with the given message.</summary>
    /// <param name="message">What went wrong, without secrets.</param>
    public CdrTransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a transport exception with the given message and cause.</summary>
    /// <param name="message">What went wrong, without secrets.</param>
    /// <param name="innerException">The underlying failure.</param>
    public CdrTransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What kind of transport failure this was.</summary>
    public CdrTransportFailure Failure { get; init; }
}
