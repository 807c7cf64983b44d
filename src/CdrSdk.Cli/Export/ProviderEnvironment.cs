namespace CdrSdk.Tool.Export;

/// <summary>
/// The environment variables <c>cdr</c> reads for the chosen provider (the same names as the samples). Values
/// from the command line win over these, and these over the <c>--config</c> file.
/// </summary>
internal sealed class ProviderEnvironment
{
    private readonly Func<string, string?> _read;

    public ProviderEnvironment(Func<string, string?> read)
    {
        _read = read;
    }

    /// <summary>The process environment.</summary>
    public static ProviderEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>The variable's value; blank counts as unset.</summary>
    public string? Get(string name) => _read(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>An absolute http(s) address from the variable, or <see langword="null"/> when unset.</summary>
    /// <exception cref="ExportException">The value is not such an address.</exception>
    public Uri? GetUrl(string name) =>
        Get(name) is not { } text ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri
        : throw new ExportException($"{name} must be an absolute http or https address such as https://api.example.com, but was '{text}'.");
}
