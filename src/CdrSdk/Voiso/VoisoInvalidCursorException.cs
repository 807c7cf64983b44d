namespace CdrSdk.Voiso;

/// <summary>
/// The API rejected the cursor (expired or invalid) while listing Voiso CDRs. <see cref="CdrException.ContinuationToken"/>
/// is the token of the last page delivered; resuming from it retries the same cursor, so after an expiry
/// re-query from the last record's <c>started_at</c> instead. The API's answer is the inner exception.
/// </summary>
public sealed class VoisoInvalidCursorException : CdrException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public VoisoInvalidCursorException()
        : this("The Voiso cursor is invalid or expired.")
    {
    }

    /// <summary>Creates the exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public VoisoInvalidCursorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the given message and cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The API's error.</param>
    public VoisoInvalidCursorException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The number of records the listing had delivered before the cursor failed (in this enumeration).</summary>
    public long RecordsDelivered { get; init; }
}
