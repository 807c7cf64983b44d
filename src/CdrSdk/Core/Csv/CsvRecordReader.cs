using System.Runtime.CompilerServices;
using CsvHelper;

namespace CdrSdk.Core.Csv;

/// <summary>
/// Streams the rows of a CSV body with CsvHelper's reader (UTF-8, SIMD-scanned): the header row names the
/// columns, every later row becomes one record. Nothing is buffered beyond the reader's read buffer.
/// </summary>
internal static class CsvRecordReader
{
    /// <summary>Comma-separated, RFC 4180 quoting (unquoted fields, as Kazoo 4.3 writes them, are read too), header row first.</summary>
    internal static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        SkipEmptyLines = false,
        MaxRecordSize = 4 * 1024 * 1024,
        IncludeValuesInExceptions = false,
    };

    /// <summary>The counted row loop for row types that do not need the record number.</summary>
    public static IAsyncEnumerable<TRow> ReadCountedAsync<TRow>(
        Func<CancellationToken, Task<Stream>> open, CdrProvider provider, CdrMetrics metrics, Func<CsvHeader, string[], TRow> createRow, CancellationToken cancellationToken) =>
        ReadCountedAsync(open, provider, metrics, (header, fields, _) => createRow(header, fields), cancellationToken);

    /// <summary>
    /// The one row loop of the SDK's CSV readers: opens the body, streams its rows and counts each in the
    /// <c>cdrsdk.records</c> metric for <paramref name="provider"/>; the body is closed when the enumeration ends.
    /// </summary>
    public static async IAsyncEnumerable<TRow> ReadCountedAsync<TRow>(
        Func<CancellationToken, Task<Stream>> open, CdrProvider provider, CdrMetrics metrics, Func<CsvHeader, string[], long, TRow> createRow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = await open(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var tag = CdrTelemetry.ProviderTag(provider);
            await foreach (var row in ReadAsync(stream, createRow, cancellationToken).ConfigureAwait(false))
            {
                metrics.Records.Add(1, tag);
                yield return row;
            }
        }
    }

    public static IAsyncEnumerable<TRow> ReadAsync<TRow>(Stream stream, Func<CsvHeader, string[], TRow> createRow, CancellationToken cancellationToken) =>
        ReadAsync(stream, (header, fields, _) => createRow(header, fields), cancellationToken);

    /// <summary>Reads the rows; <paramref name="createRow"/> also gets the 1-based number of the data record (the header is not counted).</summary>
    public static async IAsyncEnumerable<TRow> ReadAsync<TRow>(
        Stream stream, Func<CsvHeader, string[], long, TRow> createRow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = CsvReader.Create(stream, Options, leaveOpen: true);
        await using (reader.ConfigureAwait(false))
        {
            CsvHeader? header = null;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                header ??= new CsvHeader(reader.Headers.ToArray());
                if (reader.FieldCount == 1 && reader.GetSpan(0).IsEmpty)
                {
                    // An empty line (a trailing newline, a blank line between rows): no record. Checked here because
                    // CsvHelper's SkipEmptyLines costs more per row than this test.
                    continue;
                }

                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetString(i);
                }

                yield return createRow(header, fields, reader.RowNumber);
            }
        }
    }
}
