using CsvHelper;

namespace CdrSdk.Tool.Output;

/// <summary>
/// CSV with CsvHelper: RFC 4180 quoting, CRLF line ends, no byte order mark. Cells that a spreadsheet would run
/// as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c> or a tab) are prefixed with an apostrophe
/// unless <c>spreadsheetSafe</c> is off, so <c>+13125550100</c> is written <c>'+13125550100</c>.
/// </summary>
internal sealed class CsvCallRecordWriter : ICallRecordWriter
{
    private readonly CsvWriter _writer;

    public CsvCallRecordWriter(Stream stream, bool spreadsheetSafe)
    {
        var options = new CsvWriterOptions
        {
            HasHeader = true,
            Injection = spreadsheetSafe ? CsvInjection.Escape : CsvInjection.None,
            WriteByteOrderMark = false,
        };
        _writer = CsvWriter.Create(stream, options, leaveOpen: true);
    }

    public ValueTask WriteHeaderAsync(CancellationToken cancellationToken)
    {
        _writer.WriteHeader(CallRecordColumns.Names);
        return ValueTask.CompletedTask;
    }

    public ValueTask WriteAsync(CallRecord record, CancellationToken cancellationToken) =>
        _writer.WriteRecordAsync(CallRecordColumns.TextValues(record), cancellationToken);

    public ValueTask FlushAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
