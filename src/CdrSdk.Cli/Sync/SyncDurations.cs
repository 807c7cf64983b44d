using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using CdrSdk.Tool.Terminal;

namespace CdrSdk.Tool.Sync;

/// <summary>Durations on the command line: <c>90s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>, or <c>hh:mm:ss</c>.</summary>
internal static partial class SyncDurations
{
    public static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens[0].Value.Trim();
        if (TryParse(text, out var value))
        {
            return value;
        }

        result.AddError($"{OptionChecks.NameOf(result)} must be a duration such as 90s, 5m, 2h, 1d or 00:05:00, but was '{text}'.");
        return null;
    }

    public static bool TryParse(string text, out TimeSpan value)
    {
        var match = Short().Match(text);
        if (match.Success)
        {
            var amount = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            value = match.Groups["u"].Value switch
            {
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
    }

    public static string Format(TimeSpan value) =>
        value == TimeSpan.Zero ? "0s"
        : value.TotalDays >= 1 && value.Ticks % TimeSpan.TicksPerDay == 0 ? $"{value.TotalDays:0}d"
        : value.TotalHours >= 1 && value.Ticks % TimeSpan.TicksPerHour == 0 ? $"{value.TotalHours:0}h"
        : value.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{value.TotalMinutes:0}m"
        : $"{value.TotalSeconds:0.###}s";

    [GeneratedRegex("^(?<n>[0-9]+(\\.[0-9]+)?)(?<u>[smhd])$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Short();
}
