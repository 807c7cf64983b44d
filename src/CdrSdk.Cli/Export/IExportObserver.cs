namespace CdrSdk.Tool.Export;

/// <summary>Hears how an export advances (the progress display and the summary).</summary>
internal interface IExportObserver
{
    /// <summary>The export is about to list pages; <paramref name="state"/> counts what earlier runs wrote.</summary>
    void Started(ExportState state);

    /// <summary>A page was written and saved.</summary>
    void PageWritten(ExportState state, int records);

    /// <summary>Every page was written.</summary>
    void Completed(ExportState state);
}
