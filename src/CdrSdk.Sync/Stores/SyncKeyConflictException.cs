namespace CdrSdk.Sync.Stores;

/// <summary>
/// A batch written straight into <c>cdr_records</c> (its window assumed new) holds a key the store has already, or
/// holds one twice: its transaction was rolled back, so nothing of the batch was committed. The engine reads the
/// window again from its last committed position and merges instead.
/// </summary>
internal sealed class SyncKeyConflictException : Exception
{
    public SyncKeyConflictException(string source, Exception innerException)
        : base($"Source '{source}': a record of a window assumed new is in the store already; its batch was rolled back.", innerException)
    {
    }

    public SyncKeyConflictException()
    {
    }

    public SyncKeyConflictException(string message)
        : base(message)
    {
    }
}
