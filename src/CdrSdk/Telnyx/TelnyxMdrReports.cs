using CdrSdk.Core.Csv;
using CdrSdk.Core.Http;
using CdrSdk.Telnyx.Wire;

namespace CdrSdk.Telnyx;

/// <summary>MDR report requests over API v1 (<c>/reporting/mdr_requests</c>) or v2 (<c>/legacy/reporting/batch_detail_records/messaging</c>).</summary>
internal sealed class TelnyxMdrReports : TelnyxReportsEndpoint<MdrReportRequest, MdrReport, MdrReportRow>, ITelnyxMdrReports
{
    public const string V1Path = "/reporting/mdr_requests";
    public const string V2Path = "/legacy/reporting/batch_detail_records/messaging";

    public TelnyxMdrReports(ApiTransport transport, DownloadClient downloads, TelnyxOptions options)
        : base(transport, downloads, options, options.ApiVersion == TelnyxApiVersion.V2 ? V2Path : V1Path, "telnyx-mdr-reports")
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

    protected override HttpContent CreateBody(MdrReportRequest request) => Version == TelnyxApiVersion.V2
        ? Json(TelnyxWireMapper.ToV2(request), TelnyxJsonContext.Wire.TelnyxV2MdrRequestWire)
        : Json(TelnyxWireMapper.ToV1(request), TelnyxJsonContext.Wire.TelnyxV1MdrRequestWire);

    protected override MdrReport Map(TelnyxReportWire wire) => TelnyxWireMapper.ToMdrReport(wire);

    protected override MdrReportRow CreateRow(CsvHeader header, string[] fields) => new(header, fields);
}
