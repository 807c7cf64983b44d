namespace CdrSdk.Sync.Stores;

/// <summary>A commit was refused because another worker took the source over (this worker's lease expired).</summary>
internal sealed class SyncLeaseLostException : Exception
{
    public SyncLeaseLostException(string source, string owner)
        : base($"Source '{source}': worker {owner} lost its lease (it expired and another worker may have taken the source over); nothing more was committed.")
    {
    }

    public SyncLeaseLostException()
    {
    }

    public SyncLeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
