namespace CdrSdk;

/// <summary>
/// Tidies messages built from parts that may end with their own full stop (a provider's "Check that you copied
/// it correctly." followed by the SDK's closing "."): a doubled full stop becomes one; an ellipsis stays.
/// </summary>
internal static class SentenceText
{
    public static string Tidy(string? message)
    {
        if (string.IsNullOrEmpty(message) || !message.Contains("..", StringComparison.Ordinal))
        {
            return message ?? string.Empty;
        }

        var builder = new System.Text.StringBuilder(message.Length);
        for (var i = 0; i < message.Length; i++)
        {
            var run = 1;
            while (message[i] == '.' && i + run < message.Length && message[i + run] == '.')
            {
                run++;
            }

            if (message[i] == '.' && run == 2)
            {
                builder.Append('.');
                i++;
                continue;
            }

            builder.Append(message, i, message[i] == '.' ? run : 1);
            i += message[i] == '.' ? run - 1 : 0;
        }

        return builder.ToString();
    }
}
