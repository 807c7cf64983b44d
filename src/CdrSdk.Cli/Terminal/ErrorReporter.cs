using System.Text.RegularExpressions;
using Spectre.Console;

namespace CdrSdk.Tool.Terminal;

/// <summary>
/// Writes failures to standard error, each as exactly one line: <c>cdr: error: ...</c> (or <c>cdr: interrupted: ...</c>
/// for exit code 130), never a stack trace unless <c>--verbose</c>, and returns the exit code to end with.
/// </summary>
internal sealed partial class ErrorReporter
{
    private readonly IAnsiConsole _error;
    private readonly bool _verbose;

    public ErrorReporter(IAnsiConsole error, bool verbose)
    {
        _error = error;
        _verbose = verbose;
    }

    /// <summary>Classifies <paramref name="exception"/> (<see cref="CliFailure.From"/>) and reports it.</summary>
    public int Report(Exception exception) => Report(CliFailure.From(exception), exception);

    /// <summary>Reports a failure; with <c>--verbose</c> the exception's stack trace follows the line.</summary>
    public int Report(CliFailure failure, Exception? exception = null)
    {
        var label = failure.ExitCode == ExitCodes.Interrupted ? "[yellow]interrupted:[/]" : "[red]error:[/]";
        _error.MarkupLine($"cdr: {label} {Markup.Escape(OneLine(failure.Message))}");
        if (_verbose && exception is not null)
        {
            _error.WriteLine(exception.ToString(), Style.Plain);
        }

        return failure.ExitCode;
    }

    /// <summary>The text as a sentence to put another after: ends with a full stop unless it has one (or ! or ?).</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }

    /// <summary>The text on one line: line breaks and runs of white space become one space.</summary>
    public static string OneLine(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WhiteSpace();
}
