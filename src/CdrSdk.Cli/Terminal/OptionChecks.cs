using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CdrSdk.Tool.Terminal;

/// <summary>
/// Option checks whose errors name the option and list what is allowed, on one line (System.CommandLine's own
/// messages for these cases span several lines or name a CLR type).
/// </summary>
internal static class OptionChecks
{
    /// <summary>Accepts only <paramref name="values"/> (any case) and offers them as shell completions.</summary>
    public static void AcceptOnly(Option option, params string[] values)
    {
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!values.Contains(token.Value, StringComparer.OrdinalIgnoreCase))
                {
                    result.AddError($"{NameOf(result)} must be {Alternatives(values)}, but was '{token.Value}'.");
                }
            }
        });
    }

    /// <summary>A parser for a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Func<ArgumentResult, int> Integer(int min, int max) => result => ParseInteger(result, min, max) ?? min;

    /// <summary>A parser for an optional whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Func<ArgumentResult, int?> OptionalInteger(int min, int max) => result => ParseInteger(result, min, max);

    /// <summary>A parser for a number of seconds from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Func<ArgumentResult, double> Seconds(double min, double max) => result =>
    {
        var text = result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{NameOf(result)} must be a number of seconds from {min} to {max}, but was '{text}'."));
        return min;
    };

    /// <summary>"a, b or c".</summary>
    public static string Alternatives(IReadOnlyList<string> values) =>
        values.Count switch
        {
            0 => string.Empty,
            1 => values[0],
            _ => string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1],
        };

    /// <summary>The name the user typed the option by, for example <c>--page-size</c>.</summary>
    public static string NameOf(SymbolResult result) => result switch
    {
        OptionResult option => option.Option.Name,
        ArgumentResult { Parent: OptionResult option } => option.Option.Name,
        ArgumentResult argument => argument.Argument.Name,
        _ => "the value",
    };

    private static int? ParseInteger(ArgumentResult result, int min, int max)
    {
        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{NameOf(result)} must be a whole number from {min} to {max}, but was '{text}'."));
        return null;
    }
}
