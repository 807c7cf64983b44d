namespace CdrSdk.Tool.Output;

/// <summary>Writes records to a stream the export owns (the writer leaves it open).</summary>
internal interface ICallRecordWriter : IAsyncDisposable
{
    /// <summary>Writes what starts a new file (the CSV header row); nothing for formats without one.</summary>
    ValueTask WriteHeaderAsync(CancellationToken cancellationToken);

    /// <summary>Writes one record.</summary>
    ValueTask WriteAsync(CallRecord record, CancellationToken cancellationToken);

    /// <summary>Pushes everything written so far into the stream.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
