namespace CdrSdk.Tsg;

/// <summary>
/// Where a sliced CSV export is: reported when each slice starts downloading and once more when the last one has
/// been read to the end.
/// </summary>
/// <param name="CompletedSlices">Slices read to the end so far.</param>
/// <param name="TotalSlices">Slices in the export (the window divided by <see cref="TsgOptions.ExportSliceSize"/>, rounded up).</param>
/// <param name="SliceStart">Start of the slice being downloaded; the export's end once every slice is complete.</param>
/// <param name="SliceEnd">End of the slice being downloaded; the export's end once every slice is complete.</param>
public sealed record TsgExportProgress(int CompletedSlices, int TotalSlices, DateTimeOffset SliceStart, DateTimeOffset SliceEnd)
{
    /// <summary><see langword="true"/> once every slice has been read.</summary>
    public bool IsComplete => CompletedSlices == TotalSlices;

    /// <summary>The completed fraction, 0 to 1.</summary>
    public double Fraction => TotalSlices == 0 ? 1 : (double)CompletedSlices / TotalSlices;
}
