using System.Text.Json;
using CdrSdk.Telnyx;
using CdrSdk.Telnyx.Api;

namespace CdrSdk.Tests.Telnyx;

/// <summary>Both API generations, and the inconsistencies the notes describe, map to one model.</summary>
public sealed class TelnyxWireMapperTests
{
    private static TelnyxReportWire Wire(string json) => JsonSerializer.Deserialize(json, TelnyxJsonContext.Wire.TelnyxReportWire)!;

    [Fact]
    public void A_v1_cdr_report_with_filters_as_a_string_is_parsed()
    {
        var report = TelnyxWireMapper.ToCdrReport(Wire("""
            {"id":"r1","start_time":"2024-11-01T00:00:00+00:00","end_time":"2024-11-01T12:23:23+00:00","call_types":[1,2],
             "record_types":[1],"connections":["c-1","c-2"],"report_name":"n","status":2,"report_url":"https://files.example/r1.csv",
             "filters":"[{\"filter_type\":\"and\",\"cli\":\"+1312\",\"cli_filter\":\"starts_with\"},{\"filter_type\":\"or\",\"tags_list\":[\"vip\"]}]",
             "created_at":"2024-11-01T13:00:00+00:00","updated_at":"2024-11-01T13:05:00+00:00"}
            """));

        Assert.Equal("r1", report.Id);
        Assert.Equal(ReportStatus.Complete, report.Status);
        Assert.Equal(new Uri("https://files.example/r1.csv"), report.ReportUrl);
        Assert.Equal([TelnyxCallType.Inbound, TelnyxCallType.Outbound], report.CallTypes);
        Assert.Equal(["c-1", "c-2"], report.Connections);
        Assert.Equal(ReportFilters.Where(Cli.StartsWith("+1312")).Or(Tags.Any("vip")).Build(), report.Filters);
        Assert.Null(report.RawFilters);
        Assert.Equal(new DateTimeOffset(2024, 11, 1, 12, 23, 23, TimeSpan.Zero), report.EndTime);
        Assert.True(report.IsTerminal);
    }

    [Fact]
    public void Filters_sent_as_unparsable_text_are_kept_raw()
    {
        var report = TelnyxWireMapper.ToCdrReport(Wire("""{"id":"r1","status":1,"filters":"string"}"""));

        Assert.Empty(report.Filters);
        Assert.Equal("string", report.RawFilters);
        Assert.Equal(ReportStatus.Pending, report.Status);
    }

    [Fact]
    public void A_v2_mdr_report_with_names_instead_of_numbers_is_parsed()
    {
        var report = TelnyxWireMapper.ToMdrReport(Wire("""
            {"id":"m1","start_date":"2020-07-01T00:00:00-06:00","end_date":"2020-07-02T00:00:00-06:00","directions":["INBOUND","OUTBOUND"],
             "record_types":["INCOMPLETE","COMPLETED","ERRORS"],"connections":[123],"status":"EXPIRED","report_url":null,
             "filters":[{"filter_type":"and","tags_list":"tag1"}],"profiles":["p1","p2"],"record_type":"mdr_report"}
            """));

        Assert.Equal(new DateTimeOffset(2020, 7, 1, 6, 0, 0, TimeSpan.Zero), report.StartTime);
        Assert.Equal([MessageDirection.Inbound, MessageDirection.Outbound], report.Directions);
        Assert.Equal([TelnyxRecordType.Incomplete, TelnyxRecordType.Complete, TelnyxRecordType.Errors], report.RecordTypes);
        Assert.Equal(["123"], report.Connections);
        Assert.Equal(ReportStatus.Expired, report.Status);
        Assert.Equal(["tag1"], report.Filters[0].TagsList);
        Assert.Equal(["p1", "p2"], report.Profiles);
        Assert.Equal("mdr_report", report.RecordType);
    }

    [Fact]
    public void A_v1_mdr_report_with_profiles_as_a_string_is_parsed()
    {
        var report = TelnyxWireMapper.ToMdrReport(Wire("""{"id":"m2","status":1,"profiles":"p1,p2","directions":["inbound"],"call_types":[2]}"""));

        Assert.Equal(["p1", "p2"], report.Profiles);
        Assert.Equal([MessageDirection.Inbound], report.Directions);
        Assert.Equal([TelnyxCallType.Outbound], report.CallTypes);
    }

    [Theory]
    [InlineData("1", ReportStatus.Pending)]
    [InlineData("4", ReportStatus.Expired)]
    [InlineData("\"COMPLETE\"", ReportStatus.Complete)]
    [InlineData("\"failed\"", ReportStatus.Failed)]
    [InlineData("\"2\"", ReportStatus.Complete)]
    [InlineData("9", ReportStatus.Unknown)]
    [InlineData("\"ARCHIVED\"", ReportStatus.Unknown)]
    [InlineData("null", ReportStatus.Unknown)]
    public void Statuses_are_read_from_numbers_and_names(string json, ReportStatus expected)
    {
        Assert.Equal(expected, TelnyxWireMapper.ReadStatus(JsonDocument.Parse(json).RootElement));
    }

    [Fact]
    public void Requests_are_written_in_each_generation_shape()
    {
        var start = new DateTimeOffset(2024, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var request = new CdrReportRequest
        {
            StartTime = start,
            EndTime = start.AddHours(12),
            Connections = ["123"],
            Filters = ReportFilters.Where(Tags.Any("vip")).Or(Cld.EndsWith("00")).Build(),
        };

        var v1 = JsonSerializer.Serialize(TelnyxWireMapper.ToV1(request), TelnyxJsonContext.Wire.TelnyxV1CdrRequestWire);
        var v2 = JsonSerializer.Serialize(TelnyxWireMapper.ToV2(request), TelnyxJsonContext.Wire.TelnyxV2CdrRequestWire);

        Assert.Equal("""{"start_time":"2024-11-01T00:00:00+00:00","end_time":"2024-11-01T12:00:00+00:00","connections":["123"],"filters":[{"filter_type":"and","tags_list":["vip"]},{"filter_type":"or","cld":"00","cld_filter":"ends_with"}]}""", v1);
        Assert.Equal("""{"start_time":"2024-11-01T00:00:00+00:00","end_time":"2024-11-01T12:00:00+00:00","connections":[123],"filters":[{"filter_type":"and","tags_list":"vip"},{"filter_type":"or","cld":"00","cld_filter":"ends_with"}]}""", v2);

        var mdr = new MdrReportRequest { StartTime = start, EndTime = start.AddDays(1), Directions = [MessageDirection.Inbound, MessageDirection.Outbound], Timezone = "UTC" };
        Assert.Contains("\"directions\":[\"inbound\",\"outbound\"]", JsonSerializer.Serialize(TelnyxWireMapper.ToV1(mdr), TelnyxJsonContext.Wire.TelnyxV1MdrRequestWire), StringComparison.Ordinal);
        Assert.Contains("\"directions\":[1,2]", JsonSerializer.Serialize(TelnyxWireMapper.ToV2(mdr), TelnyxJsonContext.Wire.TelnyxV2MdrRequestWire), StringComparison.Ordinal);
    }
}
