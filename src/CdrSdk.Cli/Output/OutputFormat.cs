namespace CdrSdk.Tool.Output;

/// <summary>The file formats <c>cdr export</c> writes.</summary>
internal enum OutputFormat
{
    /// <summary>Comma-separated values with a header row, safe to open in spreadsheets.</summary>
    Csv,

    /// <summary>One JSON object per line.</summary>
    Jsonl,
}
