using CdrSdk.Core.Csv;
using CdrSdk.Core.Http;
using CdrSdk.Telnyx.Api;

namespace CdrSdk.Telnyx;

/// <summary>CDR report requests over API v1 (<c>/reporting/cdr_requests</c>) or v2 (<c>/legacy/reporting/batch_detail_records/voice</c>).</summary>
internal sealed class TelnyxCdrReports : TelnyxReportsEndpoint<CdrReportRequest, CdrReport, CdrReportRow>, ITelnyxCdrReports
{
    private static readonly TelnyxReportCalls<CdrReportRequest> V1 = new(
        (api, request, ct) => api.CreateCdrRequestV1Async(TelnyxWireMapper.ToV1(request), ct),
        (api, id, ct) => api.GetCdrRequestV1Async(id, ct),
        (api, page, size, ct) => api.ListCdrRequestsV1Async(page, size, ct),
        (api, id, ct) => api.DeleteCdrRequestV1Async(id, ct));

    private static readonly TelnyxReportCalls<CdrReportRequest> V2 = new(
        (api, request, ct) => api.CreateCdrReportV2Async(TelnyxWireMapper.ToV2(request), ct),
        (api, id, ct) => api.GetCdrReportV2Async(id, ct),
        (api, page, size, ct) => api.ListCdrReportsV2Async(page, size, ct),
        (api, id, ct) => api.DeleteCdrReportV2Async(id, ct));

    public TelnyxCdrReports(ApiTransport transport, DownloadClient downloads, TelnyxOptions options)
        : base(transport, downloads, options, options.ApiVersion == TelnyxApiVersion.V2 ? V2 : V1, "telnyx-cdr-reports")
    {
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetFieldsAsync(CancellationToken cancellationToken = default)
    {
        if (Version != TelnyxApiVersion.V2)
        {
            throw new NotSupportedException("The list of CDR report fields exists in API v2 only: set TelnyxOptions.ApiVersion = V2.");
        }

        return await Transport.ReadJsonAsync(ct => Api().GetCdrFieldsV2Async(ct), TelnyxJsonContext.Wire.DictionaryStringIReadOnlyListString, cancellationToken)
            .ConfigureAwait(false);
    }

    protected override void Validate(CdrReportRequest request, DateTimeOffset now)
    {
        TelnyxRequestValidator.Validate(request, Version, now);
        if (request.StartTime < now - TelnyxRequestValidator.Retention)
        {
            TelnyxLog.ReportStartBeyondRetention(Logger, request.StartTime);
        }
    }

    protected override CdrReport Map(TelnyxReportWire wire) => TelnyxWireMapper.ToCdrReport(wire);

    protected override CdrReportRow CreateRow(CsvHeader header, string[] fields) => new(header, fields);
}
