namespace CdrSdk.Telnyx;

/// <summary>Wire spellings of the Telnyx filter enums, in one place.</summary>
internal static class WireNames
{
    public static string Of(ReportFilterType type) => type switch
    {
        ReportFilterType.And => "and",
        ReportFilterType.Or => "or",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "filter_type must be And or Or."),
    };

    public static string Of(NumberMatch? match) => match switch
    {
        NumberMatch.Contains => "contains",
        NumberMatch.StartsWith => "starts_with",
        NumberMatch.EndsWith => "ends_with",
        null => "(missing)",
        _ => "(invalid)",
    };

    public static ReportFilterType? ParseFilterType(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "AND" => ReportFilterType.And,
        "OR" => ReportFilterType.Or,
        _ => null,
    };

    public static NumberMatch? ParseMatch(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "CONTAINS" => NumberMatch.Contains,
        "STARTS_WITH" => NumberMatch.StartsWith,
        "ENDS_WITH" => NumberMatch.EndsWith,
        _ => null,
    };
}
