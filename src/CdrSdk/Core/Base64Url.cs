namespace CdrSdk;

/// <summary>Base64url without padding (RFC 4648 §5): continuation tokens and JWT payloads.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes with or without padding.</summary>
    /// <exception cref="FormatException">The text is not base64url.</exception>
    public static byte[] Decode(string text)
    {
        var payload = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '='));
    }
}
