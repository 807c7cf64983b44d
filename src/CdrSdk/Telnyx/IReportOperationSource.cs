using CdrSdk.Core.Csv;
using Microsoft.Extensions.Logging;

namespace CdrSdk.Telnyx;

/// <summary>What a <see cref="ReportOperation{TReport}"/> needs from the endpoint that created it.</summary>
internal interface IReportOperationSource<TReport>
    where TReport : TelnyxReport
{
    ReportPollingOptions Polling { get; }

    TimeProvider TimeProvider { get; }

    ILogger Logger { get; }

    Task<TReport> GetAsync(string id, CancellationToken cancellationToken);

    Task DeleteAsync(string id, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(TReport report, CancellationToken cancellationToken);

    /// <summary>Streams a complete report's rows, each made by <paramref name="createRow"/> (the one counted CSV row loop).</summary>
    IAsyncEnumerable<TRow> ReadRowsAsync<TRow>(TReport report, Func<CsvHeader, string[], TRow> createRow, CancellationToken cancellationToken);
}
