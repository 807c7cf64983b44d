using CdrSdk.Sync.Stores;

namespace CdrSdk.Sync.Engine;

/// <summary>
/// A window as its last commit finishes it: where a merged re-read of it starts (<paramref name="Token"/>: its resume
/// token until then, the last committed one once its last commit starts), the watermark it was read under and the one
/// its last commit saves.
/// </summary>
internal sealed record FinishingWindow(SyncWindow Window, string? Token, DateTimeOffset? Watermark, DateTimeOffset? NewWatermark);
