namespace CdrSdk.Telnyx;

/// <summary>How a filter combines with the ones before it (<c>filter_type</c>).</summary>
public enum ReportFilterType
{
    /// <summary><c>and</c>. The first filter must be <c>and</c>.</summary>
    And = 1,

    /// <summary><c>or</c>. Once a filter is <c>or</c>, every later filter must be <c>or</c>.</summary>
    Or = 2,
}
