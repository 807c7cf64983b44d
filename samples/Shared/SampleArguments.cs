using System.CommandLine;
using System.CommandLine.Parsing;

namespace CdrSdk.Samples;

/// <summary>
/// The command-line options the samples share: <c>--base-url</c> (System.CommandLine has no built-in
/// <see cref="Uri"/> parser) and the environment variable fallbacks of every connection option.
/// </summary>
internal static class SampleArguments
{
    /// <summary>
    /// <c>--base-url</c>: an absolute http or https address, else the named environment variable, else
    /// <see langword="null"/>. A malformed value from either source is a parse error naming its source.
    /// </summary>
    /// <param name="variable">The environment variable read when the option is absent.</param>
    /// <param name="description">What the address is.</param>
    /// <returns>The option.</returns>
    public static Option<Uri?> BaseUrl(string variable, string description) => new("--base-url")
    {
        Description = $"{description} (env {variable}).",
        HelpName = "url",
        CustomParser = result => ParseUrl(result, result.Tokens[0].Value, "--base-url"),
        DefaultValueFactory = result => Environment.GetEnvironmentVariable(variable) is { } text && !string.IsNullOrWhiteSpace(text)
            ? ParseUrl(result, text, variable)
            : null,
    };

    /// <summary>The option's value when given, else the environment variable's, else <see langword="null"/>; blanks count as absent.</summary>
    /// <param name="value">The option's value.</param>
    /// <param name="variable">The environment variable to fall back on.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static string? OrEnvironment(string? value, string variable) =>
        !string.IsNullOrWhiteSpace(value) ? value
        : Environment.GetEnvironmentVariable(variable) is { } text && !string.IsNullOrWhiteSpace(text) ? text
        : null;

    private static Uri? ParseUrl(ArgumentResult result, string text, string source)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        result.AddError($"{source} must be an absolute http or https address such as https://api.example.com, but was '{text}'.");
        return null;
    }
}
