namespace CdrSdk.Emulator;

/// <summary>
/// One request the emulator received, for assertions in tests. It is recorded when the request arrives, and its
/// status is set before the response starts, so a client that got an answer always finds its request here.
/// </summary>
public sealed class RecordedRequest
{
    /// <summary>Which listener got it: <c>api</c> or <c>download</c>.</summary>
    public required string Origin { get; init; }

    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The path.</summary>
    public required string Path { get; init; }

    /// <summary>The raw query string, including the leading <c>?</c>, or empty.</summary>
    public required string QueryString { get; init; }

    /// <summary>When the request arrived, by the wall clock (for rate measurements).</summary>
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Every request header (names lower-case).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The status the emulator answered: 0 while unanswered, and for aborted connections and cut-off bodies.</summary>
    public int StatusCode { get; internal set; }

    /// <summary>Describes the request.</summary>
    /// <returns>For example <c>api GET /reporting/cdr_requests -&gt; 200</c>.</returns>
    public override string ToString() => $"{Origin} {Method} {Path}{QueryString} -> {StatusCode}";
}
