using CdrSdk.Core.Csv;
using CdrSdk.Core.Http;
using CdrSdk.Telnyx.Api;

namespace CdrSdk.Telnyx;

/// <summary>MDR report requests over API v1 (<c>/reporting/mdr_requests</c>) or v2 (<c>/legacy/reporting/batch_detail_records/messaging</c>).</summary>
internal sealed class TelnyxMdrReports : TelnyxReportsEndpoint<MdrReportRequest, MdrReport, MdrReportRow>, ITelnyxMdrReports
{
    private static readonly TelnyxReportCalls<MdrReportRequest> V1 = new(
        (api, request, ct) => api.CreateMdrRequestV1Async(TelnyxWireMapper.ToV1(request), ct),
        (api, id, ct) => api.GetMdrRequestV1Async(id, ct),
        (api, page, size, ct) => api.ListMdrRequestsV1Async(page, size, ct),
        (api, id, ct) => api.DeleteMdrRequestV1Async(id, ct));

    private static readonly TelnyxReportCalls<MdrReportRequest> V2 = new(
        (api, request, ct) => api.CreateMdrReportV2Async(TelnyxWireMapper.ToV2(request), ct),
        (api, id, ct) => api.GetMdrReportV2Async(id, ct),
        (api, page, size, ct) => api.ListMdrReportsV2Async(page, size, ct),
        (api, id, ct) => api.DeleteMdrReportV2Async(id, ct));

    public TelnyxMdrReports(ApiTransport transport, DownloadClient downloads, TelnyxOptions options)
        : base(transport, downloads, options, options.ApiVersion == TelnyxApiVersion.V2 ? V2 : V1, "telnyx-mdr-reports")
    {
    }

    protected override void Validate(MdrReportRequest request, DateTimeOffset now)
    {
        TelnyxRequestValidator.Validate(request, Version);
        var end = request.EndTime ?? now;
        if (end > now - TelnyxRequestValidator.MdrSettlingWindow)
        {
            TelnyxLog.MdrEndTimeRecent(Logger, end);
        }

        if (request.StartTime < now - TelnyxRequestValidator.Retention)
        {
            TelnyxLog.ReportStartBeyondRetention(Logger, request.StartTime);
        }
    }

    protected override MdrReport Map(TelnyxReportWire wire) => TelnyxWireMapper.ToMdrReport(wire);

    protected override MdrReportRow CreateRow(CsvHeader header, string[] fields) => new(header, fields);
}
