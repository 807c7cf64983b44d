using System.Runtime.CompilerServices;
using CdrSdk.Core.Csv;
using CdrSdk.Paging;
using CdrSdk.Telnyx.Api;

namespace CdrSdk.Telnyx;

/// <summary>
/// Telnyx records as <see cref="CallRecord"/>s: each listing requests a report for the range, waits for it, and
/// streams its rows in pages. The first page is empty and is yielded as soon as the report exists, so its token
/// lets an interrupted read resume the same report (skipping the rows already delivered) instead of requesting a
/// new one.
/// </summary>
internal abstract class TelnyxReportSource<TRequest, TReport, TRow> : CdrSource<TRequest>
    where TRequest : class
    where TReport : TelnyxReport
    where TRow : CsvRecord
{
    /// <summary>Rows per page when the caller gives no page size hint.</summary>
    public const int DefaultPageSize = 1000;

    private readonly ITelnyxReports<TRequest, TReport, TRow> _reports;
    private readonly string _tokenKind;
    private readonly IProgress<TReport>? _reportProgress;

    protected TelnyxReportSource(
        ITelnyxReports<TRequest, TReport, TRow> reports, Func<TRequest, TRequest>? configure, string tokenKind, IProgress<TReport>? reportProgress)
        : base(CdrProvider.Telnyx, configure)
    {
        _reports = reports;
        _tokenKind = tokenKind;
        _reportProgress = reportProgress;
    }

    protected override AsyncPageable<CallRecord> List(TRequest query, CancellationToken cancellationToken)
    {
        _reports.Validate(query);
        return new RowsPageable(this, query, cancellationToken);
    }

    /// <summary>The unified view of one report row.</summary>
    protected abstract CallRecord Map(TRow row);

    private sealed class RowsPageable : GuardedPageable<CallRecord>
    {
        private readonly TelnyxReportSource<TRequest, TReport, TRow> _source;
        private readonly TRequest _request;

        public RowsPageable(TelnyxReportSource<TRequest, TReport, TRow> source, TRequest request, CancellationToken cancellationToken)
            : base(CdrProvider.Telnyx, source._reports.Paging, cancellationToken)
        {
            _source = source;
            _request = request;
        }

        protected override void ValidateStart(string? continuationToken, int? pageSizeHint)
        {
            if (continuationToken is not null)
            {
                Decode(continuationToken);
            }
        }

        protected override async IAsyncEnumerable<Page<CallRecord>> ProducePagesAsync(
            string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var reports = _source._reports;
            var position = continuationToken is null ? null : Decode(continuationToken);
            ReportOperation<TReport> operation;
            if (position is null)
            {
                operation = await reports.StartAsync(_request, cancellationToken).ConfigureAwait(false);
                yield return Page<CallRecord>.FromValues([], Encode(operation.Id, 0));
            }
            else
            {
                operation = reports.ResumeOperation(position.ReportId);
            }

            var report = await operation.WaitForCompletionAsync(null, _source._reportProgress, cancellationToken).ConfigureAwait(false);
            var size = pageSizeHint ?? DefaultPageSize;
            var skip = position?.Rows ?? 0;
            var delivered = skip;
            var buffer = new List<CallRecord>(Math.Min(size, DefaultPageSize));
            await foreach (var row in reports.ReadRowsAsync(report, cancellationToken).ConfigureAwait(false))
            {
                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                buffer.Add(_source.Map(row));
                delivered++;
                if (buffer.Count == size)
                {
                    yield return Page<CallRecord>.FromValues(buffer, Encode(operation.Id, delivered));
                    buffer = new List<CallRecord>(Math.Min(size, DefaultPageSize));
                }
            }

            if (skip > 0)
            {
                throw new CdrTransportException(
                    $"Telnyx report {operation.Id} has {delivered - skip} rows, fewer than the {delivered} already delivered: it cannot be resumed.")
                {
                    Provider = CdrProvider.Telnyx,
                    Failure = CdrTransportFailure.InvalidResponse,
                };
            }

            yield return Page<CallRecord>.FromValues(buffer, null);
        }

        private string Encode(string reportId, long rows) =>
            ContinuationTokenCodec.Encode(_source._tokenKind, new TelnyxSourcePosition { ReportId = reportId, Rows = rows }, TelnyxJsonContext.Wire.TelnyxSourcePosition);

        private TelnyxSourcePosition Decode(string token) =>
            ContinuationTokenCodec.Decode(token, _source._tokenKind, TelnyxJsonContext.Wire.TelnyxSourcePosition);
    }
}
