namespace CdrSdk.Tool.Export;

/// <summary>Shows nothing while an export runs (<c>--quiet</c>, or output that is not a terminal).</summary>
internal sealed class SilentObserver : IExportObserver
{
    public static SilentObserver Instance { get; } = new();

    public void Started(ExportState state)
    {
    }

    public void PageWritten(ExportState state, int records)
    {
    }

    public void Completed(ExportState state)
    {
    }
}
