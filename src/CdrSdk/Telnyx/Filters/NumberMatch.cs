namespace CdrSdk.Telnyx;

/// <summary>How a <c>cli</c> or <c>cld</c> filter compares a number (<c>cli_filter</c>, <c>cld_filter</c>).</summary>
public enum NumberMatch
{
    /// <summary><c>contains</c>.</summary>
    Contains = 1,

    /// <summary><c>starts_with</c>.</summary>
    StartsWith = 2,

    /// <summary><c>ends_with</c>.</summary>
    EndsWith = 3,
}
