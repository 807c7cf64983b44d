using System.Runtime.InteropServices;

namespace CdrSdk.Sync.Stores;

/// <summary>One listing of a source: [<see cref="Start"/>, <see cref="End"/>).</summary>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct SyncWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public override string ToString() => $"[{Start.UtcDateTime:yyyy-MM-dd HH:mm:ss}, {End.UtcDateTime:yyyy-MM-dd HH:mm:ss})";
}
