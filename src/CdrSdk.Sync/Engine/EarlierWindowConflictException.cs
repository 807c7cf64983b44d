using CdrSdk.Sync.Stores;

namespace CdrSdk.Sync.Engine;

/// <summary>
/// The last commit of a window, running while the next window was read, met a key stored already (a window assumed
/// new) and was rolled back: that window is to be read again from <see cref="FinishingWindow.Token"/>, merged.
/// </summary>
internal sealed class EarlierWindowConflictException : Exception
{
    public EarlierWindowConflictException(FinishingWindow window, SyncKeyConflictException conflict)
        : base($"The last commit of window {window.Window.Start:O} to {window.Window.End:O} met a record stored already.", conflict)
    {
        Window = window;
    }

    /// <summary>The window whose last commit was rolled back.</summary>
    public FinishingWindow Window { get; }
}
