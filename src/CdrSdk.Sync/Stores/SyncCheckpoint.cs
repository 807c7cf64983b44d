namespace CdrSdk.Sync.Stores;

/// <summary>
/// What a commit stores with its records, in the same transaction: the window being read, the token that continues
/// it (<see langword="null"/> once the window is complete) and the watermark.
/// </summary>
/// <param name="Window">The window the records belong to.</param>
/// <param name="ResumeToken">The continuation token after the last committed page; <see langword="null"/> when the window is complete.</param>
/// <param name="Watermark">The source's watermark after this commit.</param>
/// <param name="Owner">The worker committing; the commit fails when it no longer holds the source's lease.</param>
/// <param name="At">The commit time (<c>first_synced_at</c>/<c>last_synced_at</c> of what it writes).</param>
internal sealed record SyncCheckpoint(SyncWindow Window, string? ResumeToken, DateTimeOffset? Watermark, string Owner, DateTimeOffset At)
{
    public bool WindowComplete => ResumeToken is null;
}
