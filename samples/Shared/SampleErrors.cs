using Spectre.Console;

namespace CdrSdk.Samples;

/// <summary>How the samples report the failures a user can cause or meet, with the exit code of each.</summary>
internal static class SampleErrors
{
    /// <summary>
    /// <see langword="true"/> for the failures reported as a message rather than a stack trace: the SDK's
    /// exceptions, bad arguments and cancellation.
    /// </summary>
    /// <param name="exception">What was thrown.</param>
    /// <returns>Whether <see cref="Report"/> handles it.</returns>
    public static bool IsExpected(Exception exception) =>
        exception is CdrException or ArgumentException or OperationCanceledException;

    /// <summary>Prints the failure and returns the exit code: 2 for invalid input, 130 when cancelled, else 1.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <returns>The process exit code.</returns>
    public static int Report(Exception exception)
    {
        switch (exception)
        {
            case CdrValidationException or ArgumentException:
                AnsiConsole.MarkupLine($"[red]Invalid request:[/] {Markup.Escape(exception.Message)}");
                return 2;
            case OperationCanceledException:
                AnsiConsole.MarkupLine("[yellow]Cancelled.[/]");
                return 130;
            default:
                AnsiConsole.MarkupLine($"[red]{exception.GetType().Name}:[/] {Markup.Escape(exception.Message)}");
                return 1;
        }
    }
}
