using System.CommandLine;

namespace CdrSdk.Tool.Terminal;

/// <summary>
/// The options every <c>cdr</c> command has (recursive on the root command, so they go before or after the
/// command name): <c>--verbose</c>, <c>--quiet</c> and <c>--no-color</c>.
/// </summary>
internal sealed class GlobalOptions
{
    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show the stack trace of a failure (and, for the emulator, log every request).",
        Recursive = true,
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print nothing but errors: no progress and no summary.",
        Recursive = true,
    };

    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "No colour, even on a terminal (the NO_COLOR variable does the same).",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Verbose, Quiet, NoColor];
}
