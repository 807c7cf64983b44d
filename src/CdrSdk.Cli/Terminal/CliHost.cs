using System.CommandLine;
using CdrSdk.Tool.Export;
using Spectre.Console;

namespace CdrSdk.Tool.Terminal;

/// <summary>
/// What a <c>cdr</c> process runs with: its standard streams and whether each is a terminal, its environment, the
/// clock, and the global options. <see cref="Process"/> is the real one; tests build their own.
/// </summary>
internal sealed class CliHost
{
    /// <summary>Standard output: data only (the emulator's addresses, an export with <c>--out -</c>, help).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: errors, progress and summaries.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Opens standard output as a byte stream, for an export written there.</summary>
    public required Func<Stream> OpenStandardOutput { get; init; }

    public bool OutIsTerminal { get; init; }

    public bool ErrorIsTerminal { get; init; }

    public required ProviderEnvironment Environment { get; init; }

    /// <summary>Where the embedded emulator keeps Telnyx report requests between runs.</summary>
    public required string EmulatorState { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public GlobalOptions Options { get; } = new();

    /// <summary>The process's own streams, environment and clock; terminals detected by Spectre.Console.</summary>
    public static CliHost Process() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        OpenStandardOutput = Console.OpenStandardOutput,
        OutIsTerminal = new AnsiConsoleOutput(Console.Out).IsTerminal,
        ErrorIsTerminal = new AnsiConsoleOutput(Console.Error).IsTerminal,
        Environment = ProviderEnvironment.Process,
        EmulatorState = ExportApplication.DefaultEmulatorState,
    };

    /// <summary>The consoles, error reporter and global option values of one invocation.</summary>
    public CliContext ContextFor(ParseResult parse)
    {
        var noColor = parse.GetValue(Options.NoColor) || Environment.Get("NO_COLOR") is not null;
        var errorCapabilities = OutputCapabilities.For(ErrorIsTerminal, noColor);
        var error = errorCapabilities.CreateConsole(Error, fitToTerminal: false);
        var verbose = parse.GetValue(Options.Verbose);
        return new CliContext(OutputCapabilities.For(OutIsTerminal, noColor).CreateConsole(Out, fitToTerminal: true), error, new ErrorReporter(error, verbose), verbose, parse.GetValue(Options.Quiet), ErrorIsTerminal)
        {
            Live = errorCapabilities.CreateConsole(Error, fitToTerminal: true),
        };
    }
}
