namespace CdrSdk;

/// <summary>One broken validation rule.</summary>
/// <param name="PropertyName">The property path, for example <c>Filters[2].FilterType</c>.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record CdrValidationError(string PropertyName, string Message)
{
    /// <summary>Formats the error as <c>Property: message</c>.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() => $"{PropertyName}: {Message}";
}
