using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CdrSdk.Tool.Export;
using CdrSdk.Tool.Output;
using CdrSdk.Tool.Terminal;

namespace CdrSdk.Tool.Commands;

/// <summary>The <c>cdr export</c> command: its options, their checks, and the binding to <see cref="ExportSettings"/>.</summary>
internal static class ExportCommand
{
    public static Command Create(CliHost host)
    {
        var options = new ExportCommandOptions();
        var command = new Command("export", "Export call and message records of a time range to CSV or JSON Lines; resumable after Ctrl+C or a failure.");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
            new ExportApplication(host, host.ContextFor(parse)).RunAsync(options.Bind(parse, host.Environment), cancellationToken));
        return command;
    }

    internal static OutputFormat FormatOf(string? format, FileInfo output) => format?.ToLowerInvariant() switch
    {
        "jsonl" => OutputFormat.Jsonl,
        "csv" => OutputFormat.Csv,
        _ => output.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || output.Extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? OutputFormat.Jsonl
            : OutputFormat.Csv,
    };

    internal static DateTimeOffset ParseTime(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        result.AddError($"{((OptionResult)result.Parent!).Option.Name} must be a date or time such as 2026-10-01 or 2026-10-01T08:00:00Z, but was '{text}'.");
        return default;
    }

    internal static Uri? ParseUrl(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        result.AddError($"--base-url must be an absolute http or https address such as https://api.example.com, but was '{text}'.");
        return null;
    }
}
