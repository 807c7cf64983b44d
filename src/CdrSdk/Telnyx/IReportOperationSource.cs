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
}
