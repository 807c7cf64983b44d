namespace CdrSdk;

/// <summary>
/// The root of every exception the SDK throws on purpose. Catch this type to handle any SDK failure
/// (API errors, validation errors, transport failures) in one place.
/// </summary>
/// <remarks>
/// Messages never contain credentials. When the failure happened while paging, <see cref="ContinuationToken"/>
/// holds the token of the last page that was delivered completely: pass it to
/// <see cref="Paging.AsyncPageable{T}.AsPages(string?, int?)"/> to resume without losing or repeating records.
/// </remarks>
public class CdrException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public CdrException()
        : this("The CDR SDK operation failed.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong, without secrets.</param>
    public CdrException(string message)
        : base(SentenceText.Tidy(message))
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">What went wrong, without secrets.</param>
    /// <param name="innerException">The underlying failure.</param>
    public CdrException(string message, Exception? innerException)
        : base(SentenceText.Tidy(message), innerException)
    {
    }

    /// <summary>The provider the failing call was made to, when the failure is tied to one.</summary>
    public CdrProvider? Provider { get; init; }

    /// <summary>
    /// When the exception interrupted a paged sequence: the continuation token of the last page that was fully
    /// delivered (or <see langword="null"/> when the first page failed). Resume with it to continue exactly where
    /// the sequence stopped.
    /// </summary>
    public string? ContinuationToken { get; internal set; }

    /// <summary>
    /// <see langword="true"/> when <see cref="ContinuationToken"/> was set by a paginator, so that a
    /// <see langword="null"/> token means "start from the beginning" rather than "not paging".
    /// </summary>
    public bool IsResumable { get; internal set; }
}
