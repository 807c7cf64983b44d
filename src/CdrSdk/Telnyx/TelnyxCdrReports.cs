using CdrSdk.Core.Csv;
using CdrSdk.Core.Http;
using CdrSdk.Telnyx.Wire;

namespace CdrSdk.Telnyx;

/// <summary>CDR report requests over API v1 (<c>/reporting/cdr_requests</c>) or v2 (<c>/legacy/reporting/batch_detail_records/voice</c>).</summary>
internal sealed class TelnyxCdrReports : TelnyxReportsEndpoint<CdrReportRequest, CdrReport, CdrReportRow>, ITelnyxCdrReports
{
    public const string V1Path = "/reporting/cdr_requests";
    public const string V2Path = "/legacy/reporting/batch_detail_records/voice";

    public TelnyxCdrReports(ApiTransport transport, DownloadClient downloads, TelnyxOptions options)
        : base(transport, downloads, options, options.ApiVersion == TelnyxApiVersion.V2 ? V2Path : V1Path, "telnyx-cdr-reports")
    {
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetFieldsAsync(CancellationToken cancellationToken = default)
    {
        if (Version != TelnyxApiVersion.V2)
        {
            throw new NotSupportedException("The list of CDR report fields exists in API v2 only: set TelnyxOptions.ApiVersion = V2.");
        }

        return await Transport.SendAsync(new ApiRequest(HttpMethod.Get, CollectionPath + "/fields"), TelnyxJsonContext.Wire.DictionaryStringIReadOnlyListString, cancellationToken)
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

    protected override HttpContent CreateBody(CdrReportRequest request) => Version == TelnyxApiVersion.V2
        ? Json(TelnyxWireMapper.ToV2(request), TelnyxJsonContext.Wire.TelnyxV2CdrRequestWire)
        : Json(TelnyxWireMapper.ToV1(request), TelnyxJsonContext.Wire.TelnyxV1CdrRequestWire);

    protected override CdrReport Map(TelnyxReportWire wire) => TelnyxWireMapper.ToCdrReport(wire);

    protected override CdrReportRow CreateRow(CsvHeader header, string[] fields) => new(header, fields);
}
