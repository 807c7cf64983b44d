namespace CdrSdk.Tool.Terminal;

/// <summary>
/// A usage, input, file or configuration error the user can fix (exit code <see cref="ExitCodes.UsageError"/>). The
/// message names the option or file and says what is allowed; it is shown as one line, so it has no line breaks.
/// </summary>
internal class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
