using Spectre.Console;

namespace CdrSdk.Tool.Terminal;

/// <summary>One invocation's consoles and global options, built by <see cref="CliHost.ContextFor"/>.</summary>
/// <param name="Out">Standard output, for data (tables fit a terminal's width).</param>
/// <param name="Error">Standard error, for summaries and errors: lines never wrapped.</param>
/// <param name="Errors">Reports failures on <paramref name="Error"/>, one line each.</param>
/// <param name="Verbose"><c>--verbose</c>.</param>
/// <param name="Quiet"><c>--quiet</c>: nothing but errors.</param>
/// <param name="ErrorIsTerminal">Standard error is a terminal.</param>
internal sealed record CliContext(IAnsiConsole Out, IAnsiConsole Error, ErrorReporter Errors, bool Verbose, bool Quiet, bool ErrorIsTerminal)
{
    /// <summary>Standard error laid out to the terminal's width, for live progress (<see cref="ShowsLiveProgress"/>).</summary>
    public IAnsiConsole Live { get; init; } = Error;

    /// <summary>Spinners and live progress may be drawn on standard error (a terminal, and not <c>--quiet</c>).</summary>
    public bool ShowsLiveProgress => !Quiet && OutputCapabilities.IsLive(Live);

    /// <summary>A summary may be written to standard error at the end: not <c>--quiet</c>.</summary>
    public bool ShowsSummary => !Quiet;

    /// <summary>Lines that only help someone watching (what is about to happen) may be written: a terminal, not <c>--quiet</c>.</summary>
    public bool ShowsNotes => !Quiet && ErrorIsTerminal;
}
