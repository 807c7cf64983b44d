using Spectre.Console;

namespace CdrSdk.Tool.Terminal;

/// <summary>
/// What one output stream may show, decided once: colour only on a terminal and unless <c>NO_COLOR</c> is set or
/// <c>--no-color</c> given; spinners and live progress only on a terminal that understands ANSI; and, when the
/// stream is redirected, no wrapping at all (a redirected line is never cut at 80 columns or padded). The
/// consoles come from Spectre.Console with these decisions as its settings, so its own detection of ANSI
/// support (TERM) still applies on a terminal. Lines of text are never wrapped by the tool, not even on a
/// terminal (the terminal folds them itself, with nothing added); only layouts made for the screen, such as live
/// progress and tables, fit themselves to the terminal's width.
/// </summary>
internal sealed record OutputCapabilities
{
    /// <summary>The width given to a redirected console: wide enough that no line is ever wrapped.</summary>
    public const int UnwrappedWidth = 1 << 20;

    /// <summary>The stream is a terminal (not redirected to a file or a pipe).</summary>
    public required bool IsTerminal { get; init; }

    /// <summary>Colour may be written.</summary>
    public required bool Color { get; init; }

    /// <summary>
    /// Decides for one stream. <paramref name="noColor"/> is <c>--no-color</c> or a non-empty <c>NO_COLOR</c>
    /// (https://no-color.org).
    /// </summary>
    public static OutputCapabilities For(bool isTerminal, bool noColor) => new() { IsTerminal = isTerminal, Color = isTerminal && !noColor };

    /// <summary>A console writing to <paramref name="writer"/> that shows only what these capabilities allow.</summary>
    /// <param name="writer">The stream.</param>
    /// <param name="fitToTerminal">Lay out to the terminal's width (live progress, tables); otherwise never wrap.</param>
    public IAnsiConsole CreateConsole(TextWriter writer, bool fitToTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!IsTerminal || !fitToTerminal)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }

    /// <summary>Whether spinners and live progress may be drawn on <paramref name="console"/>: a terminal with ANSI.</summary>
    public static bool IsLive(IAnsiConsole console) => console.Profile.Capabilities is { Interactive: true, Ansi: true };
}
