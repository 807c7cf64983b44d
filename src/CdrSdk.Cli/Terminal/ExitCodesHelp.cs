using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;

namespace CdrSdk.Tool.Terminal;

/// <summary>
/// Adds an "Exit codes:" section, from <see cref="ExitCodes.All"/>, after the help of every command: the help
/// option's action runs System.CommandLine's own help, then writes the section.
/// </summary>
internal sealed class ExitCodesHelp : SynchronousCommandLineAction
{
    private readonly HelpAction _help;

    private ExitCodesHelp(HelpAction help)
    {
        _help = help;
    }

    public override bool ClearsParseErrors => true;

    public static void AddTo(RootCommand root)
    {
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            if (option.Action is HelpAction help)
            {
                option.Action = new ExitCodesHelp(help);
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var result = _help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        var width = ExitCodes.All.Max(e => e.Code.ToString(CultureInfo.InvariantCulture).Length);
        foreach (var (code, meaning) in ExitCodes.All)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {code.ToString(CultureInfo.InvariantCulture).PadRight(width)}  {meaning}"));
        }

        output.WriteLine();
        return result;
    }
}
