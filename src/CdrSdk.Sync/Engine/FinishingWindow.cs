using CdrSdk.Sync.Stores;

namespace CdrSdk.Sync.Engine;

/// <summary>
/// A window as its last commit finishes it: where its reading starts (<paramref name="Token"/>: its resume token, or
/// after a merge the last committed one), the watermark it was read under and the one its last commit saves.
/// </summary>
internal sealed record FinishingWindow(SyncWindow Window, string? Token, DateTimeOffset? Watermark, DateTimeOffset? NewWatermark);
