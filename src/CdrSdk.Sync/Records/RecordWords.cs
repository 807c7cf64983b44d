using System.Collections.Frozen;

namespace CdrSdk.Sync.Records;

/// <summary>The lower snake case words the stores use for enums, as <c>cdr export</c> writes them (<c>NoAnswer</c> is <c>no_answer</c>).</summary>
internal static class RecordWords
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Words<TEnum>.ByValue.TryGetValue(value, out var word) ? word : Snake(value.ToString());

    public static string Snake(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    private static class Words<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => Snake(v.ToString()));
    }
}
