namespace CdrSdk.Emulator.Infrastructure;

/// <summary>URL-safe Base64 without padding: how the emulator's cursors and export links carry their payloads.</summary>
internal static class Base64Url
{
    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <exception cref="FormatException">The text is not Base64.</exception>
    public static byte[] Decode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
