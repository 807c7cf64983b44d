using System.Globalization;
using System.Text.Json.Nodes;

namespace CdrSdk.Emulator.Telnyx;

/// <summary>Renders a stored report as each API version describes it.</summary>
internal static class TelnyxReportRenderer
{
    public static JsonObject Render(EmulatedReport report, DateTimeOffset now, Uri downloadBase)
    {
        var complete = report.IsComplete(now);
        var url = complete
            ? new Uri(downloadBase, $"telnyx/reports/{report.Id}.csv?token={report.DownloadToken}").AbsoluteUri
            : null;
        var updated = complete ? report.CompletesAt : report.CreatedAt;
        return (report.ApiVersion, report.IsMdr) switch
        {
            (1, false) => RenderV1(report, now, url, updated, mdr: false),
            (1, true) => RenderV1(report, now, url, updated, mdr: true),
            (_, false) => RenderV2Cdr(report, now, url, updated),
            _ => RenderV2Mdr(report, now, url, updated),
        };
    }

    private static JsonObject RenderV1(EmulatedReport report, DateTimeOffset now, string? url, DateTimeOffset updated, bool mdr)
    {
        // v1 is documented with "filters" (and MDR "profiles") as strings: send them that way.
        var json = new JsonObject
        {
            ["id"] = report.Id,
            ["start_time"] = Iso(report.StartTime),
            ["end_time"] = Iso(report.EndTime),
            ["call_types"] = Ints(report.CallTypes),
            ["record_types"] = Ints(report.RecordTypes),
            ["connections"] = new JsonArray(report.Connections.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["report_name"] = report.ReportName,
            ["status"] = report.StatusAt(now),
            ["report_url"] = url,
            ["filters"] = report.RawFilters.ToJsonString(),
            ["created_at"] = Iso(report.CreatedAt),
            ["updated_at"] = Iso(updated),
        };
        if (mdr)
        {
            json["profiles"] = string.Join(",", report.Profiles);
            json["directions"] = new JsonArray(report.Directions.Select(d => (JsonNode)JsonValue.Create(d)!).ToArray());
            json["timezone"] = report.Timezone ?? "UTC";
        }
        else
        {
            json["source"] = report.Source ?? "calls";
        }

        return json;
    }

    private static JsonObject RenderV2Cdr(EmulatedReport report, DateTimeOffset now, string? url, DateTimeOffset updated) => new()
    {
        ["id"] = report.Id,
        ["start_time"] = Iso(report.StartTime),
        ["end_time"] = Iso(report.EndTime),
        ["call_types"] = Ints(report.CallTypes),
        ["record_types"] = Ints(report.RecordTypes),
        ["connections"] = new JsonArray(report.Connections.Select(c => (JsonNode)JsonValue.Create(long.Parse(c, CultureInfo.InvariantCulture))).ToArray()),
        ["report_name"] = report.ReportName,
        ["status"] = report.StatusAt(now),
        ["report_url"] = url,
        ["filters"] = report.RawFilters.DeepClone(),
        ["created_at"] = Iso(report.CreatedAt),
        ["updated_at"] = Iso(updated),
        ["timezone"] = report.Timezone ?? "UTC",
        ["source"] = report.Source ?? "calls",
        ["retry"] = 0,
        ["managed_accounts"] = new JsonArray(),
        ["record_type"] = "cdr_detailed_report",
    };

    private static JsonObject RenderV2Mdr(EmulatedReport report, DateTimeOffset now, string? url, DateTimeOffset updated) => new()
    {
        ["id"] = report.Id,
        ["start_date"] = Iso(report.StartTime),
        ["end_date"] = Iso(report.EndTime),
        ["directions"] = new JsonArray(report.Directions.Select(d => (JsonNode)JsonValue.Create(d.ToUpperInvariant())!).ToArray()),
        ["record_types"] = new JsonArray(report.RecordTypes.Select(r => (JsonNode)JsonValue.Create(r switch
        {
            1 => "COMPLETED",
            2 => "INCOMPLETE",
            _ => "ERRORS",
        })!).ToArray()),
        ["connections"] = new JsonArray(report.Connections.Select(c => (JsonNode)JsonValue.Create(long.Parse(c, CultureInfo.InvariantCulture))).ToArray()),
        ["report_name"] = report.ReportName,
        ["status"] = report.StatusAt(now) switch
        {
            1 => "PENDING",
            2 => "COMPLETE",
            3 => "FAILED",
            _ => "EXPIRED",
        },
        ["report_url"] = url,
        ["filters"] = report.RawFilters.DeepClone(),
        ["created_at"] = Iso(report.CreatedAt),
        ["updated_at"] = Iso(updated),
        ["profiles"] = new JsonArray(report.Profiles.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()),
        ["record_type"] = "mdr_report",
    };

    public static string Iso(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static JsonArray Ints(IReadOnlyList<int> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
