namespace CdrSdk;

/// <summary>The range rule every <see cref="ICdrSource"/> checks before anything is sent.</summary>
internal static class CdrSourceRange
{
    public static void Validate(CdrProvider provider, DateTimeOffset since, DateTimeOffset until)
    {
        var errors = new List<CdrValidationError>();
        if (since == default)
        {
            errors.Add(new(nameof(since), "is required: the first instant of the range."));
        }

        if (until == default)
        {
            errors.Add(new(nameof(until), "is required: the end of the range (exclusive)."));
        }
        else if (since != default && since >= until)
        {
            errors.Add(new(nameof(since), $"must be before until ({until.ToUniversalTime():O}), but was {since.ToUniversalTime():O}."));
        }

        if (errors.Count > 0)
        {
            throw new CdrValidationException(errors) { Provider = provider };
        }
    }
}
