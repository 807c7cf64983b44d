namespace CdrSdk.Telnyx;

/// <summary>
/// A report did not produce a file: it failed or expired on the server, has no download link yet, or did not
/// complete within the polling timeout.
/// </summary>
public sealed class ReportOperationException : CdrException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ReportOperationException()
        : this("The report did not complete.")
    {
    }

    /// <summary>Creates the exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public ReportOperationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the given message and cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ReportOperationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The report request id.</summary>
    public string? ReportId { get; init; }

    /// <summary>The last status the server reported.</summary>
    public ReportStatus Status { get; init; }
}
