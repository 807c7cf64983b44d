namespace CdrSdk.Sync;

/// <summary>
/// A sync could not start or go on because of its input or its store: an unknown store scheme, an unreachable
/// database, a configuration with an unknown provider or a missing credential, a record without an id. The
/// message names what is wrong and what is allowed; it never contains a password or a credential.
/// </summary>
public sealed class CdrSyncException : CdrException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CdrSyncException()
        : base("The sync failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, without secrets.</param>
    public CdrSyncException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong, without secrets.</param>
    /// <param name="innerException">The underlying failure.</param>
    public CdrSyncException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// <see langword="true"/> when nothing was written because of this error: it was found while checking the
    /// input, the configuration or the store before the sync began.
    /// </summary>
    public bool BeforeAnyWrite { get; init; }
}
