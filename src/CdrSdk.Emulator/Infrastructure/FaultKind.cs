namespace CdrSdk.Emulator;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>Answer with <see cref="FaultRule.StatusCode"/> (and <see cref="FaultRule.RetryAfter"/>) instead of handling the request.</summary>
    Status = 0,

    /// <summary>Close the connection without any response.</summary>
    Abort = 1,

    /// <summary>Handle the request, then send only the first half of the body and close the connection.</summary>
    TruncateBody = 2,

    /// <summary>Wait <see cref="FaultRule.Latency"/>, then handle the request normally.</summary>
    Latency = 3,
}
