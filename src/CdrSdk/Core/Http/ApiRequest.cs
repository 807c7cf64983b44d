namespace CdrSdk.Core.Http;

/// <summary>One logical API call: method, path relative to the provider's base address, query, body.</summary>
internal sealed class ApiRequest
{
    public ApiRequest(HttpMethod method, string path)
    {
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path below the base address, starting with <c>/</c>; dynamic segments already escaped.</summary>
    public string Path { get; }

    /// <summary>The query parameters.</summary>
    public QueryString Query { get; } = new();

    /// <summary>
    /// Creates the body, streamed when sent (for example a <c>JsonContent</c> of a source-generated type). A
    /// factory, so that a request sent again gets a fresh body.
    /// </summary>
    public Func<HttpContent>? CreateContent { get; init; }

    /// <summary>
    /// Whether sending the request twice is harmless. Defaults to the method (GET, PUT, DELETE ...); a read-only
    /// POST such as a GraphQL query sets it, so it is retried like a GET.
    /// </summary>
    public bool IsIdempotent
    {
        get => _isIdempotent ?? TransientFailure.IsIdempotent(Method);
        init => _isIdempotent = value;
    }

    private readonly bool? _isIdempotent;

    /// <summary>The media type asked for; JSON by default.</summary>
    public string Accept { get; init; } = "application/json";

    /// <summary>Escapes one dynamic path segment (an id from the caller).</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);
}
