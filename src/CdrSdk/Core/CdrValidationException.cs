namespace CdrSdk;

/// <summary>
/// Thrown before any HTTP call when a request, query, filter list or option is invalid.
/// <see cref="PropertyName"/> names the offending property (for example <c>Filters[2].FilterType</c>) and the
/// message says what is allowed.
/// </summary>
public sealed class CdrValidationException : CdrException
{
    /// <summary>Creates a validation exception with a generic message.</summary>
    public CdrValidationException()
        : this("The request is invalid.")
    {
    }

    /// <summary>Creates a validation exception with the given message.</summary>
    /// <param name="message">What is wrong and what is allowed.</param>
    public CdrValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a validation exception with the given message and cause.</summary>
    /// <param name="message">What is wrong and what is allowed.</param>
    /// <param name="innerException">The underlying failure.</param>
    public CdrValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates a validation exception for one property.</summary>
    /// <param name="propertyName">The property path, for example <c>EndTime</c> or <c>Filters[1].Cli</c>.</param>
    /// <param name="message">What is wrong and what is allowed; the property name is prefixed automatically.</param>
    public CdrValidationException(string propertyName, string message)
        : base($"{propertyName}: {message}")
    {
        PropertyName = propertyName;
        Errors = [new CdrValidationError(propertyName, message)];
    }

    /// <summary>Creates a validation exception that reports several broken rules at once.</summary>
    /// <param name="errors">The broken rules; at least one.</param>
    public CdrValidationException(IReadOnlyList<CdrValidationError> errors)
        : base(FormatMessage(errors))
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
        PropertyName = errors.Count > 0 ? errors[0].PropertyName : null;
    }

    /// <summary>The first (or only) offending property path.</summary>
    public string? PropertyName { get; }

    /// <summary>Every broken rule, in the order they were found.</summary>
    public IReadOnlyList<CdrValidationError> Errors { get; } = [];

    private static string FormatMessage(IReadOnlyList<CdrValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count switch
        {
            0 => "The request is invalid.",
            _ => string.Join("; ", errors.Select(e => e.ToString())),
        };
    }
}
