namespace CdrSdk.Tool.Export;

/// <summary>An export cannot start or continue for a reason the user can fix; the message says how.</summary>
internal sealed class ExportException : Exception
{
    public ExportException()
    {
    }

    public ExportException(string message)
        : base(message)
    {
    }

    public ExportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
