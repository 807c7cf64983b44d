using System.CommandLine;
using System.CommandLine.Parsing;

namespace CdrSdk.Tool.Terminal;

/// <summary>The parse errors of a command line as one message, pointing at the command's help (which is not printed).</summary>
internal static class UsageErrors
{
    public static string Describe(ParseResult parse)
    {
        var messages = parse.Errors.Select(e => ErrorReporter.OneLine(e.Message)).Distinct(StringComparer.Ordinal);
        return $"{string.Join(' ', messages)} See '{CommandPath(parse.CommandResult)} --help'.";
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var c })
            {
                names.Add(c is RootCommand ? "cdr" : c.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
