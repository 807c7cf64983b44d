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

    /// <summary>The body, streamed when sent (for example a <c>JsonContent</c> built from a source-generated type).</summary>
    public HttpContent? Content { get; init; }

    /// <summary>The media type asked for; JSON by default.</summary>
    public string Accept { get; init; } = "application/json";

    /// <summary>Escapes one dynamic path segment (an id from the caller).</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);
}
