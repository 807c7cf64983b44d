using System.Globalization;
using System.Text.Json;

namespace CdrSdk.Core.Json;

/// <summary>
/// Lenient readers for values providers send inconsistently (numbers as strings, strings as numbers, single
/// values for lists, dates with or without an offset). Used by the converters and by wire-to-model mappers.
/// </summary>
internal static class LenientJson
{
    /// <summary>A string, number or boolean as text; <see langword="null"/> for null or missing.</summary>
    public static string? AsString(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>An integer from a JSON number or a numeric string.</summary>
    public static long? AsInt64(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt64(out var n) => n,
        JsonValueKind.Number when element.TryGetDouble(out var d) => (long)d,
        JsonValueKind.String => ParseInt64(element.GetString()),
        _ => null,
    };

    /// <summary>
    /// A list of strings from an array (of strings or numbers), a single value, a comma-separated string or a
    /// JSON array encoded as a string.
    /// </summary>
    public static IReadOnlyList<string> AsStringList(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                var list = new List<string>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    if (AsString(item) is { } text)
                    {
                        list.Add(text);
                    }
                }

                return list;
            case JsonValueKind.String:
                return SplitList(element.GetString());
            case JsonValueKind.Number:
                return [element.GetRawText()];
            default:
                return [];
        }
    }

    /// <summary>Splits <c>"a,b"</c>, <c>"[\"a\",\"b\"]"</c> or <c>"[1, 2]"</c> into items.</summary>
    public static IReadOnlyList<string> SplitList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('['))
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed);
                return AsStringList(document.RootElement.Clone());
            }
            catch (JsonException)
            {
                trimmed = trimmed.Trim('[', ']');
            }
        }

        return trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Trim('"', '\'').TrimEnd('L'))
            .Where(s => s.Length > 0)
            .ToArray();
    }

    /// <summary>A date from ISO 8601 text (an offset-less value is UTC) or Unix seconds.</summary>
    public static DateTimeOffset? AsDateTimeOffset(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => ParseDateTimeOffset(element.GetString()),
        JsonValueKind.Number when element.TryGetInt64(out var seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds),
        _ => null,
    };

    public static DateTimeOffset? ParseDateTimeOffset(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value))
        {
            return value;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix)
            ? DateTimeOffset.FromUnixTimeSeconds(unix)
            : null;
    }

    public static long? ParseInt64(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (long)d : null;
    }

    public static decimal? ParseDecimal(string? text) =>
        !string.IsNullOrWhiteSpace(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Formats an instant the way the providers' docs show it: UTC, seconds, <c>+00:00</c>.</summary>
    public static string FormatIso8601(DateTimeOffset value) =>
        IsoTime.UtcWithOffset(value);
}
