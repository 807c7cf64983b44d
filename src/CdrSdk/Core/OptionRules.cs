using System.Globalization;

namespace CdrSdk;

/// <summary>Small, shared validation rules that produce messages naming the property and the allowed range.</summary>
internal static class OptionRules
{
    /// <summary>Joins alternatives as <c>a; b; or c</c>.</summary>
    public static string Alternatives(IReadOnlyList<string> choices) =>
        choices.Count <= 1 ? string.Concat(choices) : string.Join("; ", choices.Take(choices.Count - 1)) + "; or " + choices[^1];

    public static void InRange(List<CdrValidationError> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(new(name, max == int.MaxValue
                ? $"must be at least {min}, but was {value}."
                : $"must be between {min} and {max}, but was {value}."));
        }
    }

    public static void InRange(List<CdrValidationError> errors, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add(new(name, $"must be between {Format(min)} and {Format(max)}, but was {Format(value)}."));
        }
    }

    /// <summary>
    /// Refuses a plain <c>http://</c> address on a host other than loopback: the provider's credentials would cross
    /// the network in clear text. <see cref="CdrClientOptions.AllowInsecureHttp"/> lifts the rule.
    /// </summary>
    public static void SecureTransport(List<CdrValidationError> errors, string name, Uri? value)
    {
        if (value is { IsAbsoluteUri: true, IsLoopback: false } && string.Equals(value.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(name, $"is plain http to '{value.Host}', which would send the credentials unencrypted: use https, or set AllowInsecureHttp = true to allow it on purpose (for example an internal server on port 8000)."));
        }
    }

    public static void AbsoluteHttpUri(List<CdrValidationError> errors, string name, Uri? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(new(name, "is required: set the provider's base address (an absolute http or https URI)."));
            }

            return;
        }

        if (!value.IsAbsoluteUri || (!string.Equals(value.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) && !string.Equals(value.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new(name, $"must be an absolute http or https URI, but was '{value.OriginalString}'."));
        }
        else if (!string.IsNullOrEmpty(value.Query) || !string.IsNullOrEmpty(value.Fragment))
        {
            errors.Add(new(name, "must not contain a query string or fragment."));
        }
    }

    public static string Format(TimeSpan value) => value.TotalMilliseconds switch
    {
        < 1000 => value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms",
        < 120_000 => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s",
        < 7_200_000 => value.TotalMinutes.ToString("0.###", CultureInfo.InvariantCulture) + " min",
        _ => value.TotalHours.ToString("0.###", CultureInfo.InvariantCulture) + " h",
    };
}
