using CdrSdk.Tool.Terminal;

namespace CdrSdk.Tool.Export;

/// <summary>An export cannot start or continue for a reason the user can fix; the message says how (exit code 2).</summary>
internal sealed class ExportException : UsageException
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
