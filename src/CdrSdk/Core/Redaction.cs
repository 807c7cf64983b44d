namespace CdrSdk;

/// <summary>Hides secrets in descriptions, logs and exception excerpts.</summary>
internal static class Redaction
{
    /// <summary>What a removed secret is replaced with.</summary>
    public const string Placeholder = "***";

    /// <summary>Describes whether a secret is set without revealing any of it.</summary>
    public static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "(none)" : "(set, redacted)";
}
