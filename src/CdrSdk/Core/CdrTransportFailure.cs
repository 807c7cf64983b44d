namespace CdrSdk;

/// <summary>The kinds of <see cref="CdrTransportException"/>.</summary>
public enum CdrTransportFailure
{
    /// <summary>The connection could not be made, or it dropped before a complete answer arrived.</summary>
    Network = 0,

    /// <summary>An attempt or the whole call (all retries included) took longer than allowed.</summary>
    Timeout = 1,

    /// <summary>The circuit breaker is open after repeated failures; no request was sent.</summary>
    CircuitOpen = 2,

    /// <summary>The response arrived but its body is not what the API documents (not JSON, wrong shape, too large).</summary>
    InvalidResponse = 3,
}
