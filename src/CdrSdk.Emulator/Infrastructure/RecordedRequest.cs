namespace CdrSdk.Emulator;

/// <summary>One request the emulator received, for assertions in tests.</summary>
/// <param name="Origin">Which listener got it: <c>api</c> or <c>download</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path.</param>
/// <param name="QueryString">The raw query string, including the leading <c>?</c>, or empty.</param>
/// <param name="Headers">Every request header (names lower-case).</param>
/// <param name="StatusCode">The status the emulator answered (0 if the connection was aborted).</param>
public sealed record RecordedRequest(
    string Origin,
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    int StatusCode);
